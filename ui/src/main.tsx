import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from './api/client';
import { App } from './App';
import { SyncProvider } from './live/SyncProvider';
import { SessionProvider } from './session';
import './styles.css';

const client = new QueryClient({
  defaultOptions: {
    queries: {
      // The live stream keeps the cache current; reads on focus or mount would only repeat what it said.
      staleTime: 60_000,
      // A refusal will not change by asking again; a network blip might.
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={client}>
      <SessionProvider>
        <SyncProvider>
          <App />
        </SyncProvider>
      </SessionProvider>
    </QueryClientProvider>
  </StrictMode>,
);
