import { lazy, Suspense, useEffect, type ReactNode } from 'react';
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
import { AppLayout } from './layout/app-layout.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { NotFound } from './pages/placeholder-page.tsx';
import { RECORD_PAGES } from './records/record-kinds.ts';

dayjs.locale('zh-cn');
const zhCN: Locale = 'default' in zhCNImport ? zhCNImport.default : zhCNImport;

// Every page is loaded on demand: the login page stays light, and echarts comes only with a chart.
const HomePage = lazy(() => import('./pages/home-page.tsx'));
const RegionsPage = lazy(() => import('./pages/catalog/regions-page.tsx'));
const LinesPage = lazy(() => import('./pages/catalog/lines-page.tsx'));
const RegulationsPage = lazy(() => import('./pages/catalog/regulations-page.tsx'));
const RegulationPage = lazy(() => import('./pages/catalog/regulation-page.tsx'));
const ItemsPage = lazy(() => import('./pages/catalog/items-page.tsx'));
const InspectionItemsPage = lazy(() => import('./pages/catalog/inspection-items-page.tsx'));
const BaselinesPage = lazy(() => import('./pages/catalog/baselines-page.tsx'));
const ExemptionsPage = lazy(() => import('./pages/catalog/exemptions-page.tsx'));
const ServicesPage = lazy(() => import('./pages/catalog/services-page.tsx'));
const RecordsPage = lazy(() => import('./pages/records-page.tsx'));
const ImportPage = lazy(() => import('./pages/import-page.tsx'));
const ModelsPage = lazy(() => import('./pages/models/models-page.tsx'));
const ModelPage = lazy(() => import('./pages/models/model-page.tsx'));
const TriagePage = lazy(() => import('./pages/models/triage-page.tsx'));
const LocalModelsPage = lazy(() => import('./pages/models/local-models-page.tsx'));
const CluesPage = lazy(() => import('./pages/clues/clues-page.tsx'));
const CluePage = lazy(() => import('./pages/clues/clue-page.tsx'));
const CommandPage = lazy(() => import('./pages/clues/command-page.tsx'));
const NoticesPage = lazy(() => import('./pages/clues/notices-page.tsx'));
const IntakePage = lazy(() => import('./pages/clues/intake-page.tsx'));
const PortalPage = lazy(() => import('./pages/portal/portal-page.tsx'));
const NotificationsPage = lazy(() => import('./pages/notifications-page.tsx'));
const AuditPage = lazy(() => import('./pages/audit-page.tsx'));
const AdminPage = lazy(() => import('./pages/admin/admin-page.tsx'));
const ScorecardPage = lazy(() => import('./pages/evaluation/scorecard-page.tsx'));
const IndicatorsPage = lazy(() => import('./pages/evaluation/indicators-page.tsx'));
const ReportsPage = lazy(() => import('./pages/evaluation/reports-page.tsx'));
const ReviewsPage = lazy(() => import('./pages/evaluation/reviews-page.tsx'));
const CockpitPage = lazy(() => import('./pages/evaluation/cockpit-page.tsx'));
const AgencyProfilePage = lazy(() => import('./pages/evaluation/profile-pages.tsx').then((m) => ({ default: m.AgencyProfilePage })));
const OfficerProfilePage = lazy(() => import('./pages/evaluation/profile-pages.tsx').then((m) => ({ default: m.OfficerProfilePage })));
const EntityProfilePage = lazy(() => import('./pages/evaluation/profile-pages.tsx').then((m) => ({ default: m.EntityProfilePage })));
const AssistantPage = lazy(() => import('./pages/assistant/assistant-page.tsx'));
const FollowupPage = lazy(() => import('./pages/followup/followup-page.tsx'));
const CampaignPage = lazy(() => import('./pages/followup/campaign-page.tsx'));
const SurveyPage = lazy(() => import('./pages/followup/survey-page.tsx'));
const VerifyPage = lazy(() => import('./pages/inspections/verify-page.tsx'));
const PlansPage = lazy(() => import('./pages/inspections/plans-page.tsx'));
const PlanPage = lazy(() => import('./pages/inspections/plan-page.tsx'));
const TasksPage = lazy(() => import('./pages/inspections/tasks-page.tsx'));
const TaskPage = lazy(() => import('./pages/inspections/task-page.tsx'));
const NoticePrintPage = lazy(() => import('./pages/inspections/notice-print-page.tsx'));
const MergePage = lazy(() => import('./pages/inspections/merge-page.tsx'));
const NavigatorPage = lazy(() => import('./pages/navigator/navigator-page.tsx'));

/** The built pages by path (nav.ts marks them `built`); an entry not built yet has no route until it lands. */
const PAGES: Record<string, ReactNode> = {
  '/catalog/regions': <RegionsPage />,
  '/catalog/lines': <LinesPage />,
  '/catalog/regulations': <RegulationsPage />,
  '/catalog/regulations/:id': <RegulationPage />,
  '/catalog/items': <ItemsPage />,
  '/catalog/inspection-items': <InspectionItemsPage />,
  '/catalog/baselines': <BaselinesPage />,
  '/catalog/exemptions': <ExemptionsPage />,
  '/catalog/services': <ServicesPage />,
  // key: a new kind is a new page (page number, drawer and loaded rows do not carry over).
  ...Object.fromEntries(RECORD_PAGES.map((p) => [p.path, <RecordsPage key={p.kind} kind={p.kind} />])),
  '/import': <ImportPage />,
  '/models': <ModelsPage />,
  '/models/triage': <TriagePage />,
  '/models/local': <LocalModelsPage />,
  '/models/:code': <ModelPage />,
  '/clues': <CluesPage />,
  '/clues/:id': <CluePage />,
  '/command': <CommandPage />,
  '/notices': <NoticesPage />,
  '/social': <IntakePage />,
  '/audit': <AuditPage />,
  '/admin': <AdminPage />,
  // Reached from the bell in the header, not from the menu.
  '/notifications': <NotificationsPage />,
  '/evaluation': <ScorecardPage />,
  '/evaluation/indicators': <IndicatorsPage />,
  '/evaluation/reports': <ReportsPage />,
  '/evaluation/reviews': <ReviewsPage />,
  '/evaluation/agencies/:id': <AgencyProfilePage />,
  '/evaluation/officers/:id': <OfficerProfilePage />,
  '/evaluation/entities/:uscc': <EntityProfilePage />,
  '/assistant': <AssistantPage />,
  '/follow-up': <FollowupPage />,
  '/follow-up/:id': <CampaignPage />,
  '/navigator': <NavigatorPage />,
  '/inspections/plans': <PlansPage />,
  '/inspections/plans/:id': <PlanPage />,
  '/inspections/tasks': <TasksPage />,
  '/inspections/tasks/:id': <TaskPage />,
  '/inspections/merge': <MergePage />,
};

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
  return (
    // autoInsertSpace off: a button reads "登录", not "登 录", so its text is what a test or a screen reader finds.
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }} button={{ autoInsertSpace: false }}>
      <AntApp>
        <SessionProvider>
          <BrowserRouter>
            <UnauthorizedRedirect />
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              {/* The public portal: no account, no shell. */}
              <Route
                path="/portal"
                element={
                  <Suspense fallback={pageFallback}>
                    <PortalPage />
                  </Suspense>
                }
              />
              {/* The follow-up survey: an enterprise opens it from a link or QR code, no account. */}
              <Route
                path="/survey/:campaignId"
                element={
                  <Suspense fallback={pageFallback}>
                    <SurveyPage />
                  </Suspense>
                }
              />
              {/* 行政行为码: an enterprise scans the notice's QR code, no account. */}
              <Route
                path="/verify/:code"
                element={
                  <Suspense fallback={pageFallback}>
                    <VerifyPage />
                  </Suspense>
                }
              />
              {/* A task's 检查告知单, an A6 sheet to print: no shell; the API asks for the session. */}
              <Route
                path="/inspections/tasks/:id/notice"
                element={
                  <Suspense fallback={pageFallback}>
                    <NoticePrintPage />
                  </Suspense>
                }
              />
              {/* The command-centre screen: full screen, no shell; the API asks for the session. */}
              <Route
                path="/cockpit"
                element={
                  <Suspense fallback={pageFallback}>
                    <CockpitPage />
                  </Suspense>
                }
              />
              <Route element={<AppLayout />}>
                <Route
                  index
                  element={
                    <Suspense fallback={pageFallback}>
                      <HomePage />
                    </Suspense>
                  }
                />
                {Object.entries(PAGES).map(([path, page]) => (
                  <Route key={path} path={path} element={<Suspense fallback={pageFallback}>{page}</Suspense>} />
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
