import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectApi } from './api';
import { App } from './app/App';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

const { api, connection } = connectApi();

createRoot(root).render(
  <StrictMode>
    <App api={api} connection={connection} />
  </StrictMode>,
);
