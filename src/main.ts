import '@rijkshuisstijl-community/design-tokens/dist/root.css';
// Rijkshuisstijl's font, self-hosted (woff2 from our own origin; CSP font-src 'self'). Latin
// covers Dutch; the weights the design tokens use: regular, semi-bold, bold (+ italic regular).
import '@fontsource/fira-sans/latin-400.css';
import '@fontsource/fira-sans/latin-400-italic.css';
import '@fontsource/fira-sans/latin-600.css';
import '@fontsource/fira-sans/latin-700.css';
import './app.css';
import { mount } from 'svelte';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('Element #app ontbreekt in index.html');

export default mount(App, { target });
