import { createRoot } from 'react-dom/client';
import { langFromSearch } from './i18n';
import { StatusApp } from './status/status-app';
import { publicIdFromPath } from './status/use-ticket-status';
import './status/status.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(<StatusApp publicId={publicIdFromPath(window.location.pathname)} initialLang={langFromSearch(window.location.search)} />);
}
