import { render } from 'preact';
import { AdminApp } from './admin-app';

const root = document.getElementById('app');
if (root) render(<AdminApp />, root);
