import './theme.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// From react-router/dom: it wires in react-dom's flushSync, which signing out relies on.
import { RouterProvider } from 'react-router/dom';
import { SessionRefreshListener } from './components/session-refresh.tsx';
import { ToastProvider } from './components/toast.tsx';
import { queryClient } from './query-client.ts';
import { router } from './router.tsx';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element to render Arete into');

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <SessionRefreshListener />
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>
  </StrictMode>,
);
