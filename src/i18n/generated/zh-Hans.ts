
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's013ab7746949b7f9': `论坛议程中没有这场会议。`,
's163eda8ddbb113ba': `主办单位`,
's2176770969da5882': `演讲嘉宾`,
's3a42c18c14954635': `会议详情`,
's3bb786d3b55ba37c': `已取消`,
's4627a9667a335f23': `即将举行`,
's4629d0943788c295': `主持人`,
's4b046446635a4166': `暂无机构信息。`,
's5278069b1e2436e4': `主持人`,
's5842215d9100bd5d': str`超过${0}`,
's6fc848db534ec1df': `正在进行`,
's74c51a37caaebd36': `支持单位`,
's760463932198ea61': str`未找到“${0}”的引语。`,
's7de1280c4de49e8b': `主办单位`,
's81fa26ccde47d6b4': `（在新标签页中打开）`,
's89649937ddef97b1': str`${0} ${1}`,
's8ee2d5eff3d1adc5': `论坛内容暂时无法显示。`,
's95e5e4ec210c3685': `论坛议程中暂无会议。`,
'sa5d7a0ec84842564': str`未找到引语“${0}”。`,
'sa9f7922361767989': str`数据源中未找到以下数据：${0}`,
'saa4b4f62b6471a11': str`您的当地时间：${0}`,
'saa9c909a4c95098a': `承办单位`,
'safb123d37677335e': `合作伙伴`,
'sb1433f4a173ae77a': `媒体合作伙伴`,
'sb6a535fede052183': `演讲嘉宾`,
'sbec97227ea7f6459': `合作伙伴`,
'sc25199bea55bbdac': str`约${0}`,
'sc3256c8817e069b9': `观看直播`,
'sc4801f580ac4e73d': `承办单位`,
'se10fe96b474339ed': `媒体合作伙伴`,
'sf113fa256db9617b': `已结束`,
'sf6794e7e16be8116': str`${0}开始`,
'sf8b8ab3aa9b4e4e5': `数据源中暂无数据。`,
    };
  