import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router-dom';

const CheckinPage = lazy(() => import('./pages/CheckinPage'));
const PhoneSignInPage = lazy(() => import('./pages/PhoneSignInPage'));

const page = (el: React.ReactNode) => <Suspense fallback={<Spin style={{ margin: 24 }} />}>{el}</Suspense>;

/**
 * Pages outside the signed-in layout: what the meeting QR opens (/diem-danh, with the phone sign-in built
 * in) and the members' phone sign-in linked from the normal sign-in page.
 */
export const publicCheckinRoutes: RouteObject[] = [
  { path: '/diem-danh', element: page(<CheckinPage />) },
  { path: '/dang-nhap-so-dien-thoai', element: page(<PhoneSignInPage />) },
];
