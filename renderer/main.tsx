import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectApi } from './api';
import { App } from './app/App';
import { askFirstScreenEarly } from './app/site-store';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

const { api, connection } = connectApi();
askFirstScreenEarly(api);

createRoot(root).render(
  <StrictMode>
    <App api={api} connection={connection} />
  </StrictMode>,
);
