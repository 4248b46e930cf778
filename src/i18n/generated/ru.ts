
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's760463932198ea61': str`Цитат участника «${0}» не найдено.`,
'sa5d7a0ec84842564': str`Цитата «${0}» не найдена.`,
's8ee2d5eff3d1adc5': `Forum content is unavailable right now.`,
'sa9f7922361767989': str`Figures not found in the feed: ${0}`,
'sf8b8ab3aa9b4e4e5': `There are no figures in the feed yet.`,
's5842215d9100bd5d': str`more than ${0}`,
'sc25199bea55bbdac': str`about ${0}`,
    };
  