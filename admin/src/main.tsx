import { render } from 'preact';
import { AdminApp } from './admin-app';
import './admin.css';

const root = document.getElementById('app');
if (root) render(<AdminApp />, root);
