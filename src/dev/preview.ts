// Development preview of the chart kit (vite dev → /src/dev/charts.html). Not part of the build.
import '@rijkshuisstijl-community/design-tokens/dist/root.css';
import { mount } from 'svelte';
import Preview from './Preview.svelte';

const doel = document.getElementById('app');
if (!doel) throw new Error('#app ontbreekt');
mount(Preview, { target: doel });
