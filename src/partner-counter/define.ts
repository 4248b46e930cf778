// Defines <partner-counter> for npm users who import this one element (side effect by design).
import { define } from '../base/define.js';
import { startLocalization } from '../i18n/locale.js';
import { PartnerCounter } from './partner-counter.js';

startLocalization();
define('partner-counter', PartnerCounter);
