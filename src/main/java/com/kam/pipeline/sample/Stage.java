package com.kam.pipeline.sample;

/** Funnel stages of seed 001, with the Chinese names the CRM export shows. */
enum Stage {
    IDENTIFIED("识别需求"),
    CONTACTED("需求明确"),
    QUALIFIED("竞争力判断"),
    DEVELOPED("发展"),
    COMMITTED("合作"),
    WON("赢单"),
    LOST("输单");

    final String chinese;

    Stage(String chinese) {
        this.chinese = chinese;
    }

    boolean closed() {
        return this == WON || this == LOST;
    }
}
