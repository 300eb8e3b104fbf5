-- The weekly abnormal-customer list reads 16 weeks of order days by date, every night. With the
-- customer and amount in the date index it reads them from the index alone (about 60,000 of a
-- year's 165,000 rows at 1,000 reps) instead of the whole table in customer order.
DROP INDEX customer_order_day_date ON customer_order_day;
CREATE INDEX customer_order_day_date ON customer_order_day (order_date, customer_id, orders_amount);
