import { render } from 'preact';
import { ColumnApp } from './column-app';
import './column.css';

const root = document.getElementById('app');
if (root) render(<ColumnApp />, root);
