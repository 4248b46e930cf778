// Defines <partner-counter> for npm users who import this one element (side effect by design).
import { define } from '../base/define.js';
import { startLocalization } from '../i18n/locale.js';
import { PartnerCounter } from './partner-counter.js';

startLocalization();
define('partner-counter', PartnerCounter);
// Its type too, so a TypeScript app that only imports this module gets the tag and event types.
export type { PartnerCounter } from './partner-counter.js';
