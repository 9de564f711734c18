import { createRoot } from 'react-dom/client';
import { createApiClient } from '../shared/api/client';
import { hostTransport } from './api/transport';
import { App } from './app/App';
import './styles/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(<App client={createApiClient(hostTransport())} />);
