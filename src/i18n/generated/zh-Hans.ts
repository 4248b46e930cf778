
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's163eda8ddbb113ba': `主办单位`,
's4b046446635a4166': `暂无机构信息。`,
's74c51a37caaebd36': `支持单位`,
's760463932198ea61': str`未找到“${0}”的引语。`,
's7de1280c4de49e8b': `主办单位`,
's81fa26ccde47d6b4': `（在新标签页中打开）`,
'sa5d7a0ec84842564': str`未找到引语“${0}”。`,
'saa9c909a4c95098a': `承办单位`,
'safb123d37677335e': `合作伙伴`,
'sb1433f4a173ae77a': `媒体合作伙伴`,
'sbec97227ea7f6459': `合作伙伴`,
'sc4801f580ac4e73d': `承办单位`,
'se10fe96b474339ed': `媒体合作伙伴`,
's8ee2d5eff3d1adc5': `Forum content is unavailable right now.`,
's95e5e4ec210c3685': `The forum programme has no sessions yet.`,
's013ab7746949b7f9': `This session is not in the forum programme.`,
's4627a9667a335f23': `Upcoming`,
'sf6794e7e16be8116': str`Starts ${0}`,
's6fc848db534ec1df': `Live now`,
'sf113fa256db9617b': `Ended`,
's3bb786d3b55ba37c': `Cancelled`,
'sc3256c8817e069b9': `Watch the live stream`,
'saa4b4f62b6471a11': str`Your time: ${0}`,
's2176770969da5882': `Speaker`,
'sb6a535fede052183': `Speakers`,
's5278069b1e2436e4': `Moderator`,
's4629d0943788c295': `Moderators`,
's3a42c18c14954635': `Session details`,
    };
  