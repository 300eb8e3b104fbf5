package com.kam.pipeline.delivery;

/** One person as the organisation had them on a given day (an org_assignment row). */
record Person(String employeeId, String name, String role, String email, String language, String managerId,
              String teamCode, String regionCode) {

    /** Mails and PDFs are in zh or en; anything else is read as zh, the default language of the org file. */
    String mailLanguage() {
        return "en".equalsIgnoreCase(language) ? "en" : "zh";
    }
}
