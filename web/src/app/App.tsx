import { lazy, Suspense, useEffect, useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Spin, theme as antTheme } from 'antd';
import ruRU from 'antd/locale/ru_RU';
import dayjs from 'dayjs';
import 'dayjs/locale/ru';
import type { UserManager } from 'oidc-client-ts';
import { AuthProvider, useAuth } from '../auth/AuthProvider';
import type { CabinetConfig } from '../auth/session';
import { ApiError } from '../lib/problem';
import { loadContrast, saveContrast } from './preferences';
import { Shell } from './Shell';
import { NotFound } from './NotFound';
// each screen is its own chunk: the first screen loads only what it shows
const RepresentativeHome = lazy(() => import('../features/representative/RepresentativeHome').then((m) => ({ default: m.RepresentativeHome })));
const ProfilePage = lazy(() => import('../features/representative/ProfilePage').then((m) => ({ default: m.ProfilePage })));
const ApplicationEditor = lazy(() => import('../features/representative/ApplicationEditor').then((m) => ({ default: m.ApplicationEditor })));
const ApplicationPage = lazy(() => import('../features/application/ApplicationPage').then((m) => ({ default: m.ApplicationPage })));
const StaffQueues = lazy(() => import('../features/staff/StaffQueues').then((m) => ({ default: m.StaffQueues })));
const ApplicationSearch = lazy(() => import('../features/staff/ApplicationSearch').then((m) => ({ default: m.ApplicationSearch })));
const ProgrammesPage = lazy(() => import('../features/staff/ProgrammesPage').then((m) => ({ default: m.ProgrammesPage })));
const RepresentativesPage = lazy(() => import('../features/staff/RepresentativesPage').then((m) => ({ default: m.RepresentativesPage })));
const ReadModelsPage = lazy(() => import('../features/staff/ReadModelsPage').then((m) => ({ default: m.ReadModelsPage })));
const RetentionPage = lazy(() => import('../features/staff/RetentionPage').then((m) => ({ default: m.RetentionPage })));
const OperationsPage = lazy(() => import('../features/staff/OperationsPage').then((m) => ({ default: m.OperationsPage })));
const HistoryPicture = lazy(() => import('../features/audit/HistoryPicture').then((m) => ({ default: m.HistoryPicture })));

dayjs.locale('ru');

const queries = new QueryClient({
  defaultOptions: {
    queries: {
      // a 4xx will not get better by asking again; a lost connection may
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: true,
      staleTime: 5_000,
    },
  },
});

export function App({ config, manager }: { config: CabinetConfig; manager: UserManager }) {
  return (
    <ConfigProvider locale={ruRU}>
      <AntApp>
        <QueryClientProvider client={queries}>
          <AuthProvider config={config} manager={manager}>
            <BrowserRouter>
              <Themed />
            </BrowserRouter>
          </AuthProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

/** The person's own look: the default, or the larger, high-contrast one. */
function Themed() {
  const { person } = useAuth();
  const [contrast, setContrast] = useState(() => loadContrast(person.sub));
  useEffect(() => saveContrast(person.sub, contrast), [person.sub, contrast]);
  const theme = contrast ? {
    algorithm: antTheme.defaultAlgorithm,
    token: { fontSize: 19, colorPrimary: '#002c8c', colorInfo: '#002c8c', colorSuccess: '#135200', colorError: '#820014',
      colorWarning: '#612500', colorText: '#000000', colorTextSecondary: '#1f1f1f', colorTextDescription: '#1f1f1f', colorTextTertiary: '#1f1f1f',
      colorTextPlaceholder: '#434343',
      colorBorder: '#000000', colorLink: '#002c8c', controlHeight: 44, borderRadius: 2 },
  } : {
    // the status colours darkened to a 4.5:1 contrast with their light backgrounds (WCAG AA)
    token: { colorPrimary: '#1d39c4', colorInfo: '#1d39c4', colorSuccess: '#237804', colorError: '#c41d1d',
      colorWarning: '#ad4e00', colorTextDescription: '#595959', colorTextTertiary: '#595959', colorTextPlaceholder: '#6e6e6e', fontSize: 15,
      colorSuccessBg: '#f6ffed', colorErrorBg: '#fff1f0', colorWarningBg: '#fffbe6', colorInfoBg: '#f0f5ff' },
    components: { Tag: { defaultBg: '#f5f5f5', defaultColor: '#262626' } },
  };
  return (
    <ConfigProvider theme={theme} locale={ruRU}>
      <Shell contrast={contrast} onContrast={setContrast}>
        <Suspense fallback={<Spin size="large" aria-label="Загрузка" />}>
        <Routes>
          <Route path="/" element={<Home />} />
          <Route path="/profile" element={<ProfilePage />} />
          <Route path="/applications/new" element={<ApplicationEditor />} />
          <Route path="/applications/:id/edit" element={<ApplicationEditor />} />
          <Route path="/applications/:id" element={<ApplicationPage />} />
          <Route path="/staff/applications" element={<ApplicationSearch />} />
          <Route path="/staff/programmes" element={<ProgrammesPage />} />
          <Route path="/staff/representatives" element={<RepresentativesPage />} />
          <Route path="/staff/read-models" element={<ReadModelsPage />} />
          <Route path="/staff/operations" element={<OperationsPage />} />
          <Route path="/staff/retention" element={<RetentionPage />} />
          <Route path="/audit/:id" element={<HistoryPicture />} />
          <Route path="/callback" element={<Navigate to="/" replace />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
        </Suspense>
      </Shell>
    </ConfigProvider>
  );
}

function Home() {
  const { person } = useAuth();
  if (person.isStaff) return <StaffQueues />;
  if (person.isAuditor) return <ApplicationSearch auditor />;
  return <RepresentativeHome />;
}
