import { createBrowserRouter } from 'react-router';
import { AppLayout } from './components/app-layout.tsx';
import { LandingPage } from './routes/landing-page.tsx';
import { NotFoundPage } from './routes/not-found-page.tsx';
import { RouteErrorPage } from './routes/route-error-page.tsx';

export const router = createBrowserRouter([
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <LandingPage /> },
      // The server answers every unknown page URL with index.html, so "not found" is decided here.
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
