package com.kam.pipeline.sample;

import java.util.HashSet;
import java.util.Set;

/**
 * Customer names that read like real Chinese key accounts: a place and an institution or
 * company word (杭州市第一人民医院, 江苏银行南京分行, 山东省电力公司). Names are unique; when a
 * template runs out for a city the small-business pattern has tens of thousands of combinations.
 */
final class CustomerNames {

    private static final String[] GOVERNMENT = {"市财政局", "市公安局", "市税务局", "市教育局", "市交通运输局",
            "市人力资源和社会保障局", "市自然资源局", "市生态环境局", "市政务服务中心", "市大数据管理局",
            "市中级人民法院", "市人民检察院", "市住房和城乡建设局", "市卫生健康委员会", "市应急管理局"};
    private static final String[] ENTERPRISE_CITY = {"港务集团", "地铁集团", "钢铁集团", "水务集团", "燃气集团",
            "城市建设投资集团", "汽车集团", "机场集团", "电子信息集团", "国有资本投资运营公司"};
    private static final String[] ENTERPRISE_PROVINCE = {"电力公司", "能源集团", "交通投资集团", "高速公路集团",
            "烟草公司", "广电网络公司", "农村信用社联合社", "建工集团"};
    private static final String[] BANKS = {"中国银行", "工商银行", "建设银行", "农业银行", "交通银行", "招商银行",
            "兴业银行", "浦发银行", "中信银行", "民生银行", "光大银行", "华夏银行", "平安银行"};
    private static final String[] INSURERS = {"中国人寿", "中国平安", "太平洋保险", "人保财险", "泰康人寿"};
    private static final String[] HOSPITALS = {"市中医院", "市妇幼保健院", "市儿童医院", "市肿瘤医院", "市口腔医院"};
    private static final String[] SCHOOLS = {"大学", "职业技术学院", "师范学院", "医学院", "理工学院", "市实验小学"};
    private static final String[] BRANDS = {"宏达", "恒信", "华创", "金源", "瑞丰", "鼎盛", "博远", "天成", "嘉禾",
            "新锐", "中科", "同创", "永安", "汇通", "远航", "星辰", "智联", "启明", "腾飞", "长青", "利民", "众诚",
            "德信", "亿联", "华泰", "安达", "盛世", "海纳", "云帆", "东方"};
    private static final String[] TRADES = {"科技", "电子", "物流", "机械", "贸易", "软件", "医药", "建材", "食品",
            "纺织", "信息技术", "网络", "环保", "新材料", "智能装备", "精密制造", "供应链", "包装"};

    private final Set<String> used = new HashSet<>();

    /** A fresh name of the given segment for a customer in {@code city}. */
    String next(Rng rng, String segment, Places.City city) {
        for (int attempt = 0; attempt < 30; attempt++) {
            String name = candidate(rng, segment, city);
            if (used.add(name)) {
                return name;
            }
        }
        for (int n = 2; ; n++) {   // a crowded city: fall back to numbered branches
            String name = sme(rng, city) + "第" + Places.numeral(Math.min(n, 99)) + (n > 99 ? n : "") + "分公司";
            if (used.add(name)) {
                return name;
            }
        }
    }

    private String candidate(Rng rng, String segment, Places.City city) {
        String c = city.name();
        Places.Province province = city.province();
        return switch (segment) {
            case "党政机关" -> rng.chance(0.85) ? c + rng.pick(GOVERNMENT)
                    : province.officialName() + (rng.chance(0.5) ? "人民政府办公厅" : "大数据中心");
            case "大型企业" -> rng.chance(0.5) ? c + rng.pick(ENTERPRISE_CITY)
                    : (rng.chance(0.5) ? province.officialName() : province.name()) + rng.pick(ENTERPRISE_PROVINCE);
            case "金融" -> switch (rng.between(0, 3)) {
                case 0 -> province.name() + "银行" + (province.name().equals(c) ? "总行营业部" : c + "分行");
                case 1 -> c + "农村商业银行";
                case 2 -> rng.pick(INSURERS) + c + "分公司";
                default -> rng.pick(BANKS) + c + "分行";
            };
            case "教育医疗" -> switch (rng.between(0, 3)) {
                case 0 -> c + "市第" + Places.numeral(rng.between(1, 9)) + "人民医院";
                case 1 -> c + rng.pick(HOSPITALS);
                case 2 -> c + "市第" + Places.numeral(rng.between(1, 40)) + "中学";
                default -> c + rng.pick(SCHOOLS);
            };
            default -> sme(rng, city);
        };
    }

    private String sme(Rng rng, Places.City city) {
        return city.name() + rng.pick(BRANDS) + rng.pick(TRADES) + "有限公司";
    }
}
