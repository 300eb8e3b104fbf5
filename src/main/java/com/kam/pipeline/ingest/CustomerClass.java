package com.kam.pipeline.ingest;

import java.math.BigDecimal;

/**
 * The customer classifications used throughout the reports, defined once here.
 * Seed 001's matrix: share of wallet R >= 30%, D 10-30%, A < 10%; annual potential
 * 1 >= 1,000,000, 2 500,000-1,000,000, 3 < 500,000. A/B/C by our annual purchase
 * (potential x share): A >= 300,000, B >= 100,000, else C.
 */
public final class CustomerClass {

    static final BigDecimal SHARE_R = new BigDecimal("0.30");
    static final BigDecimal SHARE_D = new BigDecimal("0.10");
    static final BigDecimal POTENTIAL_1 = new BigDecimal("1000000");
    static final BigDecimal POTENTIAL_2 = new BigDecimal("500000");
    static final BigDecimal PURCHASE_A = new BigDecimal("300000");
    static final BigDecimal PURCHASE_B = new BigDecimal("100000");

    private CustomerClass() {
    }

    /** R1 .. A3: the letter from the share of wallet, the digit from the potential. */
    public static String matrixClass(BigDecimal shareOfWallet, BigDecimal annualPotential) {
        String share = shareOfWallet.compareTo(SHARE_R) >= 0 ? "R" : shareOfWallet.compareTo(SHARE_D) >= 0 ? "D" : "A";
        String potential = annualPotential.compareTo(POTENTIAL_1) >= 0 ? "1"
                : annualPotential.compareTo(POTENTIAL_2) >= 0 ? "2" : "3";
        return share + potential;
    }

    /** A, B or C by what the customer buys from us a year. */
    public static String abcClass(BigDecimal shareOfWallet, BigDecimal annualPotential) {
        BigDecimal purchase = shareOfWallet.multiply(annualPotential);
        return purchase.compareTo(PURCHASE_A) >= 0 ? "A" : purchase.compareTo(PURCHASE_B) >= 0 ? "B" : "C";
    }
}
