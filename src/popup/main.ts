// Popup entry: everything happens in controller.ts; this only finds the two mount points.
import { startPopup } from './controller';

const root = document.getElementById('app');
const status = document.getElementById('status');
if (root && status) void startPopup(root, status);
