// Lazy part: the live-page script converter (loaded on the first conversion, or at once on a
// site set to convert automatically). The opencc dictionaries load later still, per direction.
export { createPageConverter } from '../convert';
