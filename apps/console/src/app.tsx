// The console shell: login, role-gated nav and the current page.
import { useEffect } from 'react';
import { useI18n } from './i18n';
import { useSession } from './hooks/use-session';
import { can, homePath } from './lib/roles';
import { hrefOf, matches, navigate, useRoute } from './lib/router';
import { ROUTES } from './routes';
import { LoginPage } from './pages/login/login-page';

export function App() {
  const { t, lang, setLang } = useI18n();
  const { me, loading, logout } = useSession();
  const route = useRoute();

  useEffect(() => {
    if (me && (route === '/' || route === '/login')) navigate(homePath(me.role), true);
  }, [me, route]);

  if (loading) return <p className="page-loading">{t('common.loading')}</p>;
  if (!me) return <LoginPage />;

  const page = ROUTES.find((r) => matches(route, r.path));
  const allowed = ROUTES.filter((r) => can(me.role, r.capability));
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">{t('app.title')}</span>
        <nav aria-label="main">
          {allowed.map((r) => (
            <a
              key={r.path}
              href={hrefOf(r.path)}
              className={matches(route, r.path) ? 'active' : ''}
              aria-current={matches(route, r.path) ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                navigate(r.path);
              }}
            >
              {t(r.label)}
            </a>
          ))}
        </nav>
        <span className="who" data-testid="who">
          {me.name} · {t(`role.${me.role}`)}
        </span>
        <button type="button" className="btn-ghost" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
          {t('app.lang')}
        </button>
        <button type="button" className="btn-ghost" onClick={() => void logout().then(() => navigate('/', true))}>
          {t('nav.logout')}
        </button>
      </header>
      <main className="page">
        {!page ? (
          <p className="notice">{t('common.notFound')}</p>
        ) : !can(me.role, page.capability) ? (
          <p className="notice" role="alert" data-testid="not-allowed">
            {t('common.notAllowed')}
          </p>
        ) : (
          page.render()
        )}
      </main>
    </div>
  );
}
