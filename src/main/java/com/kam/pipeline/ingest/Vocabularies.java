package com.kam.pipeline.ingest;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The canonical code lists (stages, visit purposes, ...) and the names users commonly write for
 * them, in Chinese and English. A source's own names are added by its mapping file.
 */
final class Vocabularies {

    private static final Map<String, Map<String, String>> CANONICAL = new HashMap<>();

    static {
        define("stage", Map.of(
                "IDENTIFIED", List.of("识别需求", "识别可能的需求", "识别", "Identified"),
                "CONTACTED", List.of("需求明确", "客户的需求已明确", "Contacted"),
                "QUALIFIED", List.of("竞争力判断", "Qualified"),
                "DEVELOPED", List.of("发展", "Developed"),
                "COMMITTED", List.of("合作", "Committed"),
                "WON", List.of("赢单", "成交", "Won", "Closed Won"),
                "LOST", List.of("输单", "丢单", "Lost", "Closed Lost")));
        define("purpose", Map.of(
                "NEW_CUSTOMER", List.of("开发新客户", "新客户开发", "new customer"),
                "MARKET_RESEARCH", List.of("市场调研", "调研", "market research"),
                "COLLECTION", List.of("收款", "回款", "collection"),
                "SERVICE", List.of("服务", "客户服务", "service"),
                "COMPLAINT", List.of("客诉处理", "投诉处理", "complaint"),
                "ORDER", List.of("订货", "下单", "order"),
                "OTHER", List.of("其他", "其它", "other")));
        define("attendance", Map.of(
                "PRESENT", List.of("出勤", "正常"),
                "LEAVE", List.of("请假", "事假", "年假"),
                "SICK", List.of("病假"),
                "TRAVEL", List.of("出差"),
                "ABSENT", List.of("缺勤", "旷工")));
        define("role", Map.of(
                "REP", List.of("销售代表", "销售专员", "大客户经理", "sales rep"),
                "TEAM_LEAD", List.of("销售主管", "办事处主任", "team lead"),
                "REGION_MANAGER", List.of("区域经理", "大区经理", "region manager"),
                "DIRECTOR", List.of("销售总监", "director")));
        define("forecast_category", Map.of(
                "COMMIT", List.of("承诺", "commit"),
                "BEST_CASE", List.of("最佳情况", "best case", "bestcase"),
                "PIPELINE", List.of("管道", "pipeline"),
                "OMITTED", List.of("忽略", "omitted", "omit")));
        define("language", Map.of("zh", List.of("中文", "zh-CN", "zh_CN", "Chinese"),
                "en", List.of("英文", "English", "en-US", "en_US")));
        define("abc_class", Map.of("A", List.of("A类"), "B", List.of("B类"), "C", List.of("C类")));
    }

    private Vocabularies() {
    }

    private static void define(String vocabulary, Map<String, List<String>> codes) {
        Map<String, String> lookup = new LinkedHashMap<>();
        codes.forEach((code, aliases) -> {
            lookup.put(normalise(code), code);
            aliases.forEach(alias -> lookup.put(normalise(alias), code));
        });
        CANONICAL.put(vocabulary, lookup);
    }

    /** The canonical code for a value, or null when the vocabulary does not know it. */
    static String lookup(String vocabulary, String value) {
        Map<String, String> lookup = CANONICAL.get(vocabulary);
        if (lookup == null) {
            throw new IllegalArgumentException("no vocabulary " + vocabulary);
        }
        return lookup.get(normalise(value));
    }

    /** The canonical codes of a vocabulary, for messages. */
    static java.util.Collection<String> codes(String vocabulary) {
        return new java.util.TreeSet<>(CANONICAL.get(vocabulary).values());
    }

    static boolean isCode(String vocabulary, String code) {
        return CANONICAL.get(vocabulary).containsValue(code);
    }

    static String normalise(String value) {
        return RowParser.trim(value).replace('_', ' ').replace('-', ' ').toLowerCase(Locale.ROOT);
    }
}
