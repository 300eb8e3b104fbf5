package com.kam.pipeline.sample;

import java.util.ArrayList;
import java.util.List;

/**
 * Regions, provinces and cities. A small company has a few large regions (华东区, 华北区, ...);
 * a company of 1,000+ reps has one region per ~100 reps, named after provinces (山东大区, and
 * 山东二区 when there are more regions than provinces).
 */
final class Places {

    /** A province: short name, the official name used in customer names, a code, its cities. */
    record Province(String name, String officialName, String code, List<String> cities) {
    }

    /** A sales region and the cities its offices (办事处) are in; each city knows its province. */
    record Region(String code, String name, List<City> cities) {
    }

    record City(String name, Province province) {
    }

    static final List<Province> PROVINCES = List.of(
            p("广东", "广东省", "GD", "广州 深圳 东莞 佛山"), p("江苏", "江苏省", "JS", "南京 苏州 无锡 常州"),
            p("浙江", "浙江省", "ZJ", "杭州 宁波 温州 绍兴"), p("山东", "山东省", "SD", "济南 青岛 烟台 潍坊"),
            p("河南", "河南省", "HA", "郑州 洛阳 新乡"), p("四川", "四川省", "SC", "成都 绵阳 宜宾"),
            p("湖北", "湖北省", "HB", "武汉 宜昌 襄阳"), p("湖南", "湖南省", "HN", "长沙 株洲 岳阳"),
            p("河北", "河北省", "HE", "石家庄 唐山 保定"), p("福建", "福建省", "FJ", "福州 厦门 泉州"),
            p("上海", "上海市", "SH", "上海"), p("北京", "北京市", "BJ", "北京"),
            p("安徽", "安徽省", "AH", "合肥 芜湖 蚌埠"), p("陕西", "陕西省", "SN", "西安 宝鸡 咸阳"),
            p("辽宁", "辽宁省", "LN", "沈阳 大连 鞍山"), p("江西", "江西省", "JX", "南昌 赣州 九江"),
            p("重庆", "重庆市", "CQ", "重庆"), p("云南", "云南省", "YN", "昆明 曲靖 大理"),
            p("广西", "广西壮族自治区", "GX", "南宁 柳州 桂林"), p("山西", "山西省", "SX", "太原 大同 长治"),
            p("天津", "天津市", "TJ", "天津"), p("贵州", "贵州省", "GZ", "贵阳 遵义"),
            p("黑龙江", "黑龙江省", "HL", "哈尔滨 大庆 齐齐哈尔"), p("吉林", "吉林省", "JL", "长春 吉林"),
            p("内蒙古", "内蒙古自治区", "NM", "呼和浩特 包头"), p("新疆", "新疆维吾尔自治区", "XJ", "乌鲁木齐 克拉玛依"),
            p("甘肃", "甘肃省", "GS", "兰州 天水"), p("海南", "海南省", "HI", "海口 三亚"),
            p("宁夏", "宁夏回族自治区", "NX", "银川"), p("青海", "青海省", "QH", "西宁"),
            p("西藏", "西藏自治区", "XZ", "拉萨"));

    /** The large regions of a small company, in the order they are used. */
    private static final String[][] LARGE_REGIONS = {
            {"EAST", "华东区", "上海 杭州 南京 苏州 宁波 合肥 济南 青岛 福州 无锡 温州 南昌"},
            {"NORTH", "华北区", "北京 天津 石家庄 太原 呼和浩特 唐山 保定 大同 包头"},
            {"SOUTH", "华南区", "广州 深圳 厦门 南宁 海口 东莞 佛山 泉州 柳州"},
            {"CENTRAL", "华中区", "武汉 长沙 郑州 宜昌 株洲 洛阳"},
            {"SOUTHWEST", "西南区", "成都 重庆 昆明 贵阳 绵阳 遵义"},
            {"NORTHWEST", "西北区", "西安 兰州 乌鲁木齐 银川 西宁 宝鸡"},
            {"NORTHEAST", "东北区", "沈阳 大连 长春 哈尔滨 吉林 大庆"}};

    private static final String[] ROUND = {"", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private Places() {
    }

    private static Province p(String name, String official, String code, String cities) {
        return new Province(name, official, code, List.of(cities.split(" ")));
    }

    /** The regions of a company with this many regions. */
    static List<Region> regions(int count) {
        List<Region> regions = new ArrayList<>();
        if (count <= LARGE_REGIONS.length) {
            for (int i = 0; i < count; i++) {
                String[] r = LARGE_REGIONS[i];
                List<City> cities = new ArrayList<>();
                for (String city : r[2].split(" ")) {
                    cities.add(new City(city, provinceOf(city)));
                }
                regions.add(new Region(r[0], r[1], cities));
            }
            return regions;
        }
        for (int i = 0; i < count; i++) {
            Province province = PROVINCES.get(i % PROVINCES.size());
            int round = i / PROVINCES.size();
            String suffix = round < ROUND.length ? ROUND[round] : String.valueOf(round + 1);
            String name = province.name() + (round == 0 ? "大区" : suffix + "区");
            String code = province.code() + (round == 0 ? "" : String.valueOf(round + 1));
            List<City> cities = province.cities().stream().map(c -> new City(c, province)).toList();
            regions.add(new Region(code, name, cities));
        }
        return regions;
    }

    static Province provinceOf(String city) {
        for (Province province : PROVINCES) {
            if (province.cities().contains(city)) {
                return province;
            }
        }
        throw new IllegalArgumentException("no province for " + city);
    }

    /** Chinese numerals 1..99 (一, 十二, 二十三), as in 第一人民医院. */
    static String numeral(int n) {
        String[] digits = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
        if (n < 10) {
            return digits[n];
        }
        return (n / 10 == 1 ? "" : digits[n / 10]) + "十" + digits[n % 10];
    }
}
