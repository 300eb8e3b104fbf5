package com.kam.pipeline.sample;

/**
 * The free text reps write: visit outcomes by purpose, competitor news, customer feedback and
 * notes. Some of it contains ASCII commas, double quotes and line breaks, as typed text does,
 * so readers have to cope with quoted CSV fields.
 */
final class VisitTexts {

    /** Purposes as the forms write them, in the order of the canonical codes. */
    static final String[] PURPOSES = {"开发新客户", "市场调研", "收款", "服务", "客诉处理", "订货", "其他"};
    static final int NEW_CUSTOMER = 0;
    static final int COLLECTION = 2;
    static final int SERVICE = 3;
    static final int COMPLAINT = 4;
    static final int ORDER = 5;

    private static final String[][] EFFECTIVE = {
            {"见到信息中心主任, 介绍了公司方案", "对方同意安排技术交流", "拿到明年采购计划, 约下周再谈"},
            {"了解到明年信息化预算", "收集到竞品报价", "摸清了采购流程和决策人"},
            {"收回上季度货款", "财务确认本月付款", "拿到付款承诺函"},
            {"现场解决网络故障", "完成季度巡检", "培训了客户运维人员"},
            {"投诉已处理, 客户满意", "确认补偿方案, 客户接受"},
            {"签订采购合同", "客户下单", "确认订单数量和交期"},
            {"陪同领导拜访", "参加客户年会"}};
    private static final String[][] NOT_EFFECTIVE = {
            {"对接人出差, 未见到", "前台拒绝, 留下资料", "对方暂无需求"},
            {"信息有限, 需再跟进"},
            {"财务负责人不在, 改期", "对方资金紧张, 推迟付款"},
            {"客户临时取消会面"},
            {"客户仍不满意, 需升级处理"},
            {"价格未谈拢, 下周再议"},
            {"例行拜访"}};
    private static final String[] COMPETITOR = {
            "华为在做POC, 报价比我们低约8%",
            "新华三派了售前驻场",
            "客户透露:\"浪潮的方案更便宜\"",
            "阿里云给了三年框架价, 首年5折",
            "中兴在推一体机方案,\n客户技术部门倾向对方",
            "竞争对手本周无动作",
            "浪潮邀请客户参观其数据中心",
            "华为、新华三都参加了交流会"};
    private static final String[] FEEDBACK = {"对服务响应速度满意", "希望缩短交货周期", "反映发票开具慢",
            "要求提供本地化培训", "对价格比较敏感", "认可我们的技术方案", "希望增加巡检频次"};
    private static final String[] NOTES = {
            "明天上午回访, 准备报价单",
            "需要售前支持\n周三前提交方案",
            "客户说\"下月预算批下来再谈\"",
            "本周目标已完成80%",
            "报销单已提交",
            "约了周四和财务总监见面",
            "合同已寄出, 等客户盖章"};
    private static final String[] LEAVE_NOTES = {"年假", "事假, 家中有事", "调休"};

    private VisitTexts() {
    }

    static String outcome(Rng rng, int purpose, boolean effective) {
        return rng.pick(effective ? EFFECTIVE[purpose] : NOT_EFFECTIVE[purpose]);
    }

    static String competitor(Rng rng) {
        return rng.pick(COMPETITOR);
    }

    static String feedback(Rng rng) {
        return rng.pick(FEEDBACK);
    }

    static String note(Rng rng) {
        return rng.pick(NOTES);
    }

    static String leaveNote(Rng rng, boolean sick) {
        return sick ? "病假, 已提交证明" : rng.pick(LEAVE_NOTES);
    }
}
