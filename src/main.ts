import '@rijkshuisstijl-community/design-tokens/dist/root.css';
import './app.css';
import { mount } from 'svelte';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('Element #app ontbreekt in index.html');

export default mount(App, { target });
