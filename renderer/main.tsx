// First, so that the start-up request leaves before the rest of the bundle is evaluated (see boot.ts).
import { client, startup } from './boot';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './styles/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(<App client={client} startup={startup} />);
