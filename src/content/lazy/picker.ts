// Lazy part: the element picker.
export { startPicker } from '../picker';
