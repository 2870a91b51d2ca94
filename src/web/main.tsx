import './theme.css';
import { mountApp } from './app.tsx';

// The full app, on every page but the landing page (which has its own entry, landing.tsx).
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element to render Arete into');

mountApp(container);
