import { Button, Result } from 'antd';
import { lazy, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Link } from 'react-router-dom';
import type { Me } from '../api/types';
import { AuthGate } from '../features/auth/AuthGate';
import { useMe } from '../features/auth/hooks';
import { publicCheckinRoutes } from '../features/checkin/routes';
import { MainLayout } from './layouts/MainLayout';

const HomePage = lazy(() => import('../features/home/pages/HomePage'));
const UnitsPage = lazy(() => import('../features/units/pages/UnitsPage'));
const PeoplePage = lazy(() => import('../features/people/pages/PeoplePage'));
const ImportPage = lazy(() => import('../features/imports/pages/ImportPage'));
const PersonPage = lazy(() => import('../features/people/pages/PersonPage'));
const AccountsPage = lazy(() => import('../features/accounts/pages/AccountsPage'));
const RulesPage = lazy(() => import('../features/rules/pages/RulesPage'));
const AuditPage = lazy(() => import('../features/audit/pages/AuditPage'));
const UnitMeetingsPage = lazy(() => import('../features/meetings/pages/UnitMeetingsPage'));
const MeetingPage = lazy(() => import('../features/meetings/pages/MeetingPage'));
const OversightPage = lazy(() => import('../features/oversight/pages/OversightPage'));
const PlansPage = lazy(() => import('../features/plans/pages/PlansPage'));
const PlanPage = lazy(() => import('../features/plans/pages/PlanPage'));
const PartyPage = lazy(() => import('../features/party/pages/PartyPage'));
const ClassificationPage = lazy(() => import('../features/classification/pages/ClassificationPage'));
const ClassificationSchemePage = lazy(() => import('../features/classification/pages/SchemePage'));
const ReportsPage = lazy(() => import('../features/reports/pages/ReportsPage'));
const ReportPage = lazy(() => import('../features/reports/pages/ReportPage'));
const CompliancePage = lazy(() => import('../features/compliance/pages/CompliancePage'));
const AttentionPage = lazy(() => import('../features/compliance/pages/AttentionPage'));
const MemberAttendancePage = lazy(() => import('../features/compliance/pages/MemberAttendancePage'));
const ThemesPage = lazy(() => import('../features/themes/pages/ThemesPage'));
const ThemePage = lazy(() => import('../features/themes/pages/ThemePage'));
const MyVoicePage = lazy(() => import('../features/voice/pages/MyVoicePage'));
const VoiceInboxPage = lazy(() => import('../features/voice/pages/VoiceInboxPage'));
const VoiceReceivedPage = lazy(() => import('../features/voice/pages/ReceivedPage'));
const VoiceItemPage = lazy(() => import('../features/voice/pages/VoiceItemPage'));
const VoiceStatsPage = lazy(() => import('../features/voice/pages/VoiceStatsPage'));
const DialoguesPage = lazy(() => import('../features/voice/pages/DialoguesPage'));
const DialoguePage = lazy(() => import('../features/voice/pages/DialoguePage'));
const VoiceConfigPage = lazy(() => import('../features/voice/pages/VoiceConfigPage'));
const CadreCoveragePage = lazy(() => import('../features/cadres/pages/CadreCoveragePage'));
const MyMeetingsPage = lazy(() => import('../features/checkin/pages/MyMeetingsPage'));
const OutboxPage = lazy(() => import('../features/outbox/pages/OutboxPage'));
const TransfersPage = lazy(() => import('../features/lifecycle/pages/TransfersPage'));
const AdmitPage = lazy(() => import('../features/lifecycle/pages/AdmitPage'));
const AgeOutPage = lazy(() => import('../features/lifecycle/pages/AgeOutPage'));
const DuplicatesPage = lazy(() => import('../features/duplicates/pages/DuplicatesPage'));
const MyProfilePage = lazy(() => import('../features/corrections/pages/MyProfilePage'));
const CorrectionsPage = lazy(() => import('../features/corrections/pages/CorrectionsPage'));

function NotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('app.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('app.backHome')}</Button>
        </Link>
      }
    />
  );
}

/** Shown instead of a blank page when a screen fails to render; offers a reload. */
function CrashPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="error"
      title={t('app.crashTitle')}
      subTitle={t('app.crashHint')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('app.reload')}
        </Button>
      }
    />
  );
}

/** Hides admin pages from actors without the ability (the server enforces it too). */
function RequireAbility({ ability, children }: { ability: keyof Me['abilities']; children: ReactNode }) {
  const me = useMe();
  return me.abilities[ability] ? children : <NotFound />;
}

export const router = createBrowserRouter([
  {
    path: '/',
    element: (
      <AuthGate>
        <MainLayout />
      </AuthGate>
    ),
    errorElement: <CrashPage />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'units', element: <UnitsPage /> },
      { path: 'people', element: <PeoplePage /> },
      { path: 'units/:id/import', element: <ImportPage /> },
      { path: 'units/:id/transfers', element: <TransfersPage /> },
      { path: 'units/:id/admit', element: <AdmitPage /> },
      { path: 'units/:id/age-out', element: <AgeOutPage /> },
      { path: 'people/:id', element: <PersonPage /> },
      { path: 'units/:id/meetings', element: <UnitMeetingsPage /> },
      { path: 'meetings/:id', element: <MeetingPage /> },
      { path: 'compliance', element: <CompliancePage /> },
      { path: 'oversight', element: <OversightPage /> },
      { path: 'plans', element: <PlansPage /> },
      { path: 'plans/:id', element: <PlanPage /> },
      { path: 'units/:id/party', element: <PartyPage /> },
      { path: 'classification', element: <ClassificationPage /> },
      { path: 'admin/classification', element: <ClassificationSchemePage /> },
      { path: 'reports', element: <ReportsPage /> },
      { path: 'reports/:id', element: <ReportPage /> },
      { path: 'compliance/attention', element: <AttentionPage /> },
      { path: 'units/:id/member-attendance', element: <MemberAttendancePage /> },
      { path: 'themes', element: <ThemesPage /> },
      { path: 'themes/:id', element: <ThemePage /> },
      { path: 'y-kien-cua-toi', element: <MyVoicePage /> },
      { path: 'voice', element: <VoiceInboxPage /> },
      { path: 'voice/received', element: <VoiceReceivedPage /> },
      { path: 'voice/stats', element: <VoiceStatsPage /> },
      { path: 'voice/items/:id', element: <VoiceItemPage /> },
      { path: 'voice/dialogues', element: <DialoguesPage /> },
      { path: 'voice/dialogues/:id', element: <DialoguePage /> },
      { path: 'cadre-coverage', element: <CadreCoveragePage /> },
      { path: 'cuoc-hop-cua-toi', element: <MyMeetingsPage /> },
      { path: 'duplicates', element: <DuplicatesPage /> },
      { path: 'ho-so-cua-toi', element: <MyProfilePage /> },
      { path: 'de-nghi-sua-thong-tin', element: <CorrectionsPage /> },
      { path: 'admin/outbox', element: <OutboxPage /> },
      {
        path: 'admin/accounts',
        element: (
          <RequireAbility ability="manageAccounts">
            <AccountsPage />
          </RequireAbility>
        ),
      },
      {
        path: 'admin/voice',
        element: (
          <RequireAbility ability="manageRules">
            <VoiceConfigPage />
          </RequireAbility>
        ),
      },
      {
        path: 'admin/rules',
        element: (
          <RequireAbility ability="manageRules">
            <RulesPage />
          </RequireAbility>
        ),
      },
      {
        path: 'admin/audit',
        element: (
          <RequireAbility ability="readAudit">
            <AuditPage />
          </RequireAbility>
        ),
      },
      { path: '*', element: <NotFound /> },
    ],
  },
  ...publicCheckinRoutes,
]);
