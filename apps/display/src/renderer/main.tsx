import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { routeOf } from './route';
import { pageLang } from './i18n/lang';
import './styles/base.css';
import './styles/hall-screen.css';
import './styles/window-screen.css';
import './styles/rating-pad.css';

const route = routeOf(window.location.pathname);
document.documentElement.lang = pageLang() === 'en' ? 'en' : 'zh-CN';
document.body.dataset.page = route.page;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App route={route} />
  </StrictMode>,
);
