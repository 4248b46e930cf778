
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's013ab7746949b7f9': `论坛议程中没有这场会议。`,
's0fbf6dc6a1966408': `下一场`,
's163eda8ddbb113ba': `主办单位`,
's197304b11bd47cee': `论坛日程中没有符合该会场或主题的活动。`,
's1b620e51708bd4dd': `添加到日历`,
's2176770969da5882': `演讲嘉宾`,
's2b7359df02b2e7e4': `论坛网站`,
's2e5dee92b75f158c': str`您的时区：${0}`,
's3a42c18c14954635': `会议详情`,
's3b31d0ff32075cff': `没有符合搜索条件的活动。`,
's3bb786d3b55ba37c': `已取消`,
's4234286c61045b78': `按标题和人员搜索`,
's4627a9667a335f23': `即将举行`,
's4629d0943788c295': `主持人`,
's4b046446635a4166': `暂无机构信息。`,
's4d9d7d15f505060d': `直播`,
's5278069b1e2436e4': `主持人`,
's5842215d9100bd5d': str`超过${0}`,
's668bfdf40f0a08dd': `时间：`,
's6fc848db534ec1df': `正在进行`,
's7267176b36bc0e13': str`论坛开幕日期：${0}。`,
's74c51a37caaebd36': `支持单位`,
's760463932198ea61': str`未找到“${0}”的引语。`,
's7de1280c4de49e8b': `主办单位`,
's81fa26ccde47d6b4': `（在新标签页中打开）`,
's89649937ddef97b1': str`${0} ${1}`,
's8ee2d5eff3d1adc5': `论坛内容暂时无法显示。`,
's95e5e4ec210c3685': `论坛议程中暂无会议。`,
's96d91ac246fd7abc': `会场`,
's9951437628e6fb5e': `其他活动`,
's9de4f5c84e6539d9': `论坛日程`,
's9f82927fbfca454c': `全部会场`,
'sa05f936ff40c48bf': `论坛已经结束。感谢您的关注。`,
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
'sefc5cc131cc372c4': `这一天没有活动。`,
'sf113fa256db9617b': `已结束`,
'sf6794e7e16be8116': str`${0}开始`,
'sf8b8ab3aa9b4e4e5': `数据源中暂无数据。`,
'sf908dfec9a527cf4': str`找到的活动：${0}`,
    };
  