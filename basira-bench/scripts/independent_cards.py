#!/usr/bin/env python3
"""Independent computation of Basira customer cards (PRODUCT.md §2) from a canonical CSV folder.

Standard library only. Usage:
  independent_cards.py --dir FOLDER --out EXPECTED.csv [--tz Asia/Riyadh] [--decimals 2] [--today YYYY-MM-DD]
Writes one row per customer in customers.csv, with the same columns as `basira export customers`.
"""
import argparse
import csv
import datetime as dt
import os
import sys
from decimal import Decimal, ROUND_HALF_UP
from zoneinfo import ZoneInfo

COLUMNS = ["customer_id", "order_count", "total_spent", "average_order_value", "cancelled_orders",
           "returned_orders", "last_purchase_at", "first_order_at", "abandoned_carts", "store_rating",
           "days_since_last_purchase", "discount_share", "wishlist_count", "reviews_count"]
COUNTED = {"pending", "processing", "completed"}


def parse_time(text, zone):
    """ISO-8601 with offset (incl. Z), without offset (store zone) or a plain date (start of day, store zone)."""
    text = text.strip()
    if len(text) == 10:
        d = dt.date.fromisoformat(text)
        return dt.datetime(d.year, d.month, d.day, tzinfo=zone).astimezone(dt.timezone.utc)
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    t = dt.datetime.fromisoformat(text)
    if t.tzinfo is None:
        t = t.replace(tzinfo=zone)
    return t.astimezone(dt.timezone.utc)


def iso(t):
    return "" if t is None else t.replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def rows(folder, name):
    path = os.path.join(folder, name)
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--tz", default="Asia/Riyadh")
    ap.add_argument("--decimals", type=int, default=2)
    ap.add_argument("--today", help="today's date in the store zone (default: now in the zone)")
    a = ap.parse_args()
    zone = ZoneInfo(a.tz)
    today = dt.date.fromisoformat(a.today) if a.today else dt.datetime.now(zone).date()
    q = Decimal(1).scaleb(-a.decimals)

    cards = {}
    for c in rows(a.dir, "customers.csv"):
        cards[c["customer_id"]] = dict(n=0, spent=Decimal(0), cancelled=0, returned=0, last=None, first=None,
                                       abandoned=0, rating=None, rating_key=None, disc=0, wish=0, reviews=0)
    # orders: a later row with the same order_id replaces the earlier one (idempotent upsert)
    orders = {}
    for o in rows(a.dir, "orders.csv"):
        orders[o["order_id"]] = o
    for o in orders.values():
        c = cards.get(o["customer_id"])
        if c is None:
            continue
        status = o["status"].strip()
        at = parse_time(o["created_at"], zone)
        if status in COUNTED:
            c["n"] += 1
            c["spent"] += Decimal(o["total"])
            if c["first"] is None or at < c["first"]:
                c["first"] = at
            dtot = (o.get("discount_total") or "").strip()
            if (o.get("coupon_code") or "").strip() or (dtot and Decimal(dtot) > 0):
                c["disc"] += 1
        if status == "completed" and (c["last"] is None or at > c["last"]):
            c["last"] = at
        if status == "cancelled":
            c["cancelled"] += 1
        if status == "returned":
            c["returned"] += 1
    carts = {}
    for k in rows(a.dir, "carts.csv"):
        carts[k["cart_id"]] = k
    for k in carts.values():
        c = cards.get(k["customer_id"])
        if c is not None and k["status"].strip() == "abandoned":
            c["abandoned"] += 1
    reviews = {}
    for r in rows(a.dir, "reviews.csv"):
        reviews[r["review_id"]] = r
    for r in reviews.values():
        c = cards.get(r["customer_id"])
        if c is None:
            continue
        c["reviews"] += 1
        if not r["product_id"].strip():
            key = (parse_time(r["created_at"], zone), r["review_id"])
            if c["rating_key"] is None or key > c["rating_key"]:
                c["rating_key"], c["rating"] = key, int(r["rating"])
    wish = set()
    for w in rows(a.dir, "wishlist.csv"):
        wish.add((w["customer_id"], w["product_id"]))
    for cid, _ in wish:
        if cid in cards:
            cards[cid]["wish"] += 1

    with open(a.out, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(COLUMNS)
        for cid in sorted(cards):
            c = cards[cid]
            n = c["n"]
            aov = (c["spent"] / n).quantize(q, ROUND_HALF_UP) if n else Decimal(0).quantize(q)
            days = "" if c["last"] is None else (today - c["last"].astimezone(zone).date()).days
            share = "" if n == 0 else (Decimal(c["disc"]) / Decimal(n)).quantize(Decimal("0.0001"), ROUND_HALF_UP)
            out.writerow([cid, n, c["spent"].quantize(q), aov, c["cancelled"], c["returned"], iso(c["last"]),
                          iso(c["first"]), c["abandoned"], "" if c["rating"] is None else c["rating"], days, share,
                          c["wish"], c["reviews"]])
    print(f"{len(cards)} customers, today={today} ({a.tz}) -> {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
