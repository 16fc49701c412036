import { createRoot } from 'react-dom/client';
import { langFromSearch } from './i18n';
import { HallApp } from './hall/hall-app';
import { hallIdFromPath } from './hall/hall-api';
import './status/status.css';
import './hall/hall.css';

const root = document.getElementById('root');
if (root) {
  const search = new URLSearchParams(window.location.search);
  createRoot(root).render(
    <HallApp hallId={hallIdFromPath(window.location.pathname)} initialLang={langFromSearch(window.location.search)} bookingCode={search.get('booking')} />,
  );
}
