-- What of the organisation and customer master data the stored figures were built from (the
-- rollup's FiguresMasterData): a master file that changes none of it (a new customer, an owner,
-- an e-mail address) no longer makes the next night recompute everything. Empty until the next
-- full recompute or master load fills it; empty means "not known", which recomputes everything.
CREATE TABLE rollup_seen_customer (
    customer_id     VARCHAR(50)  NOT NULL PRIMARY KEY,
    customer_class  CHAR(2)      NOT NULL,
    abc_class       CHAR(1)      NOT NULL,
    segment         VARCHAR(50)  NOT NULL
);

CREATE TABLE rollup_seen_assignment (
    employee_id  VARCHAR(50)  NOT NULL,
    valid_from   DATE         NOT NULL,
    valid_to     DATE,
    name         VARCHAR(300) NOT NULL,
    role         VARCHAR(20)  NOT NULL,
    team_code    VARCHAR(50),
    team_name    VARCHAR(100),
    region_code  VARCHAR(50)  NOT NULL,
    region_name  VARCHAR(100),
    PRIMARY KEY (employee_id, valid_from)
);
