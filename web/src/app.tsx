import { lazy, Suspense, useEffect } from 'react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
// antd's package has no "type": "module", so under NodeNext TypeScript types es/ as CommonJS and sees
// the default import as {default: Locale}; the bundler reads the ESM file and gives the Locale itself.
import zhCNImport from 'antd/es/locale/zh_CN.js';
import type { Locale } from 'antd/es/locale/index.js';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import { BrowserRouter, Route, Routes, useNavigate } from 'react-router-dom';
import { loginPath, setUnauthorizedHandler } from './api.ts';
import { SessionProvider } from './session.tsx';
import { allLeaves } from './nav.ts';
import { AppLayout } from './layout/app-layout.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { ComingSoon, NotFound } from './pages/placeholder-page.tsx';

dayjs.locale('zh-cn');
const zhCN: Locale = 'default' in zhCNImport ? zhCNImport.default : zhCNImport;

// The dashboard carries echarts: loaded on demand, so the login page stays light.
const HomePage = lazy(() => import('./pages/home-page.tsx'));

function UnauthorizedRedirect() {
  const navigate = useNavigate();
  useEffect(() => {
    setUnauthorizedHandler(() => {
      const { pathname, search } = window.location;
      if (pathname !== '/login') navigate(loginPath(pathname + search), { replace: true });
    });
  }, [navigate]);
  return null;
}

const pageFallback = (
  <div style={{ padding: 48, textAlign: 'center' }}>
    <Spin />
  </div>
);

export function App() {
  const placeholders = allLeaves().filter((leaf) => !leaf.built);
  return (
    // autoInsertSpace off: a button reads "登录", not "登 录", so its text is what a test or a screen reader finds.
    <ConfigProvider
      locale={zhCN}
      theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <SessionProvider>
          <BrowserRouter>
            <UnauthorizedRedirect />
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route element={<AppLayout />}>
                <Route
                  index
                  element={
                    <Suspense fallback={pageFallback}>
                      <HomePage />
                    </Suspense>
                  }
                />
                {placeholders.map((leaf) => (
                  <Route key={leaf.path} path={leaf.path} element={<ComingSoon title={leaf.label} group={leaf.group} />} />
                ))}
                <Route path="*" element={<NotFound />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
