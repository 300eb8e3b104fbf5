package com.kam.pipeline.sample;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Chinese personal names (surname + one or two given characters), unique within the company,
 * with an ASCII e-mail address spelt in pinyin ({@code wang.xiaoming3@example.com}). Common
 * surnames come first and are drawn more often, as in real staff lists.
 */
final class ChineseNames {

    /** Surname and its pinyin, roughly in order of frequency. */
    private static final String[][] SURNAMES = split("王 wang,李 li,张 zhang,刘 liu,陈 chen,杨 yang,黄 huang,赵 zhao,"
            + "吴 wu,周 zhou,徐 xu,孙 sun,马 ma,朱 zhu,胡 hu,郭 guo,何 he,高 gao,林 lin,罗 luo,郑 zheng,梁 liang,"
            + "谢 xie,宋 song,唐 tang,许 xu,韩 han,冯 feng,邓 deng,曹 cao,彭 peng,曾 zeng,肖 xiao,田 tian,董 dong,"
            + "袁 yuan,潘 pan,于 yu,蒋 jiang,蔡 cai,余 yu,杜 du,叶 ye,程 cheng,苏 su,魏 wei,吕 lv,丁 ding,任 ren,"
            + "沈 shen,姚 yao,卢 lu,姜 jiang,崔 cui,钟 zhong,谭 tan,陆 lu,汪 wang,范 fan,金 jin,石 shi,廖 liao,"
            + "贾 jia,夏 xia,韦 wei,方 fang,白 bai,邹 zou,孟 meng,熊 xiong,秦 qin,邱 qiu,江 jiang,尹 yin,薛 xue,"
            + "段 duan,雷 lei,侯 hou,龙 long,史 shi,陶 tao,黎 li,贺 he,顾 gu,毛 mao,郝 hao,龚 gong,邵 shao,万 wan,"
            + "钱 qian,严 yan,武 wu,戴 dai,莫 mo,孔 kong,向 xiang,汤 tang");

    /** Characters used in given names, with pinyin; none of them has two common readings. */
    private static final String[][] GIVEN = split("伟 wei,芳 fang,娜 na,敏 min,静 jing,丽 li,强 qiang,磊 lei,军 jun,"
            + "洋 yang,勇 yong,艳 yan,杰 jie,娟 juan,涛 tao,明 ming,超 chao,秀 xiu,霞 xia,平 ping,刚 gang,桂 gui,"
            + "英 ying,华 hua,玉 yu,萍 ping,红 hong,建 jian,文 wen,辉 hui,力 li,斌 bin,宇 yu,浩 hao,凯 kai,鹏 peng,"
            + "晨 chen,鑫 xin,婷 ting,雪 xue,琳 lin,欣 xin,晓 xiao,志 zhi,海 hai,峰 feng,波 bo,立 li,新 xin,国 guo,"
            + "春 chun,亮 liang,飞 fei,宁 ning,佳 jia,雨 yu,梅 mei,颖 ying,嘉 jia,子 zi,思 si,怡 yi,博 bo,俊 jun,"
            + "琦 qi,瑞 rui,宏 hong,冬 dong,阳 yang,露 lu,慧 hui,倩 qian,云 yun,帆 fan,楠 nan,昊 hao,天 tian,振 zhen");

    /** A generated person name. */
    record Name(String chinese, String email) {
    }

    private final Set<String> usedNames = new HashSet<>();
    private final Map<String, Integer> emailCounts = new HashMap<>();
    private final double[] surnameWeights;

    ChineseNames() {
        surnameWeights = new double[SURNAMES.length];
        for (int i = 0; i < SURNAMES.length; i++) {
            surnameWeights[i] = 1.0 / (i + 8);   // a gentle Zipf curve: 王 about 10x 汤
        }
    }

    private static String[][] split(String pairs) {
        String[] items = pairs.split(",");
        String[][] result = new String[items.length][];
        for (int i = 0; i < items.length; i++) {
            result[i] = items[i].split(" ");
        }
        return result;
    }

    /** A name nobody else in the company has yet, and an e-mail address nobody else has. */
    Name next(Rng rng) {
        while (true) {
            String[] surname = SURNAMES[rng.weighted(surnameWeights)];
            String[] first = rng.pick(GIVEN);
            String chinese = surname[0] + first[0];
            String pinyin = first[1];
            if (rng.chance(0.7)) {
                String[] second = rng.pick(GIVEN);
                chinese += second[0];
                pinyin += second[1];
            }
            if (usedNames.add(chinese)) {
                String base = surname[1] + "." + pinyin;
                int n = emailCounts.merge(base, 1, Integer::sum);
                return new Name(chinese, (n == 1 ? base : base + n) + "@example.com");
            }
        }
    }
}
