// Lazy part: the clone/parasite warning banner, loaded only on such pages.
export { createBanner } from '../banner';
