#!/usr/bin/env python3
"""Converts the UCI "Online Retail" data set into Basira's canonical import folder (docs/import.md).

Source: the R data file `data/onlineretail.rda` of the CRAN package `onlineretail` 0.1.2 (Allan Quadros,
licence CC0, "included with the donor's permission, Dr. Daqing Chen"), public repository
github.com/allanvc/onlineretail, commit 3a77afe42f2650c54221573f9537e45cde646834; the file's sha256 is
d686c7ec387fdc64fde3a5b6f1c31d43751735f4053f34c92e677beacf5e0664 (2,849,492 bytes, xz-compressed R
serialization). It holds the whole UCI table: 541,909 rows, InvoiceNo, StockCode, Description, Quantity,
InvoiceDate (POSIXct), UnitPrice, CustomerID, Country, 2010-12-01..2011-12-09. The data is not committed.

Python 3 standard library only (no R needed): the file is read with a small reader of R's XDR serialization.

    python3 basira-bench/scripts/online_retail_to_csv.py onlineretail.rda OUT_DIR

writes OUT_DIR/customers.csv, orders.csv, order_items.csv, products.csv and prints what it kept. Rules:
- an order is an invoice; cancellation invoices (InvoiceNo starting with C) are left out, and so are rows
  without a CustomerID and rows whose quantity or unit price is not positive (canonical lines need
  quantity >= 1; the set's adjustments and postage-free fixes have price 0 or negative);
- order status `completed`, total = sum of quantity x unit price of its kept lines rounded half up to the penny
  (a few prices have three decimals; an order total is money), currency left empty (the store's: GBP); created_at is the invoice time in UTC as stored in the R file;
- a customer's created_at is her first kept invoice's time; products.csv holds every kept StockCode with the
  description of its first row and no category (the data set has none);
- prices are written exactly as the R doubles print with up to 3 decimals (the data's prices have at most 3).
"""
import csv
import lzma
import os
import struct
import sys
from datetime import datetime, timezone
from decimal import ROUND_HALF_UP, Decimal


class RReader:
    """Just enough of R's serialization format (version 2 and 3, XDR) for a data frame of plain vectors."""

    def __init__(self, data):
        self.data = data
        self.at = 0
        self.refs = []

    def int(self):
        (v,) = struct.unpack_from(">i", self.data, self.at)
        self.at += 4
        return v

    def length(self):
        n = self.int()
        if n == -1:
            hi, lo = self.int(), self.int()
            n = (hi << 32) + lo
        return n

    def header(self):
        if self.data[:5] not in (b"RDX2\n", b"RDX3\n"):
            raise ValueError("not an R data file (RDX2/RDX3)")
        self.at = 5
        if self.data[self.at:self.at + 2] != b"X\n":
            raise ValueError("only XDR serialization is read")
        self.at += 2
        version = self.int()
        self.int()  # writer's R version
        self.int()  # minimal reader version
        if version == 3:
            n = self.int()
            self.at += n  # native encoding
        return self.item()

    def attributes(self, flags):
        return self.item() if flags & (1 << 9) else None

    def item(self):
        flags = self.int()
        t = flags & 0xFF
        has_attr = flags & (1 << 9)
        has_tag = flags & (1 << 10)
        if t == 254:  # NILVALUE_SXP
            return None
        if t in (253, 252, 251, 250, 242, 241):  # global env, unbound, missing, base namespace, empty/base env
            return None
        if t == 255:  # REFSXP
            index = flags >> 8
            if index == 0:
                index = self.int()
            return self.refs[index - 1]
        if t == 1:  # SYMSXP
            name = self.item()
            self.refs.append(("sym", name))
            return ("sym", name)
        if t in (2, 6, 239, 240):  # pairlist, language: attr, tag, car, cdr
            out = []
            while True:
                attr = self.item() if has_attr else None
                tag = self.item() if has_tag else None
                car = self.item()
                out.append((tag[1] if tag else None, car))
                nxt = self.int()
                t = nxt & 0xFF
                if t not in (2, 6, 239, 240):
                    self.at -= 4
                    self.item()  # the terminating NILVALUE (or an unusual cdr)
                    return ("list", out)
                has_attr = nxt & (1 << 9)
                has_tag = nxt & (1 << 10)
        if t == 9:  # CHARSXP
            n = self.int()
            if n == -1:
                return None
            s = self.data[self.at:self.at + n]
            self.at += n
            return s.decode("utf-8", errors="replace") if flags & (1 << 15 | 1 << 3) else s.decode("latin-1")
        if t in (10, 13):  # logical, integer
            n = self.length()
            values = list(struct.unpack_from(">%di" % n, self.data, self.at))
            self.at += 4 * n
            values = [None if v == -2147483648 else v for v in values]
            return self.vector(values, flags)
        if t == 14:  # double
            n = self.length()
            values = list(struct.unpack_from(">%dd" % n, self.data, self.at))
            self.at += 8 * n
            return self.vector(values, flags)
        if t == 16:  # character
            n = self.length()
            return self.vector([self.item() for _ in range(n)], flags)
        if t in (19, 20):  # list, expression
            n = self.length()
            return self.vector([self.item() for _ in range(n)], flags)
        if t == 238:  # ALTREP: class info, state, attributes
            info = self.item()
            state = self.item()
            attr = self.item()
            kind = info[1][0][1][1] if info and info[0] == "list" else None
            if kind == "compact_intseq" or kind == "compact_realseq":
                n, start, step = state
                values = [start + i * step for i in range(int(n))]
            elif kind and kind.startswith("wrap_"):
                values = state[0][1] if isinstance(state[0], tuple) else state[0]
            elif kind == "deferred_string":
                values = [str(v) for v in state[1][0][1][1]]
            else:
                raise ValueError("unsupported ALTREP class %r" % kind)
            return ("vec", values, attr)
        raise ValueError("unsupported R type %d at byte %d" % (t, self.at))

    def vector(self, values, flags):
        attr = self.attributes(flags)
        return ("vec", values, attr) if attr is not None else values


def values(v):
    return v[1] if isinstance(v, tuple) and v[0] == "vec" else v


def attribute(v, name):
    if isinstance(v, tuple) and v[0] == "vec" and v[2] is not None:
        for tag, value in v[2][1]:
            if tag == name:
                return value
    return None


def money(x):
    d = Decimal(repr(x)).quantize(Decimal("0.001")).normalize()
    return format(d, "f")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: online_retail_to_csv.py onlineretail.rda OUT_DIR")
    with open(sys.argv[1], "rb") as f:
        raw = f.read()
    data = lzma.decompress(raw) if raw[:6] == b"\xfd7zXZ\x00" else raw
    top = RReader(data).header()
    frame = top[1][0][1]
    names = values(attribute(frame, "names"))
    columns = dict(zip(names, values(frame)))
    invoice = values(columns["InvoiceNo"])
    stock = values(columns["StockCode"])
    description = values(columns["Description"])
    quantity = values(columns["Quantity"])
    date = values(columns["InvoiceDate"])
    price = values(columns["UnitPrice"])
    customer = values(columns["CustomerID"])
    rows = len(invoice)
    print("read %d rows, columns %s, InvoiceDate tzone %s" % (rows, names, values(attribute(columns["InvoiceDate"], "tzone"))))

    orders = {}  # invoice -> [customer, time, [(stock, qty, price)]]
    products = {}
    dropped = {"cancellation": 0, "no customer": 0, "quantity or price not positive": 0}
    for i in range(rows):
        if invoice[i].upper().startswith("C"):
            dropped["cancellation"] += 1
            continue
        c = customer[i]
        if c is None or c != c:
            dropped["no customer"] += 1
            continue
        q, p = quantity[i], price[i]
        if q is None or p is None or q < 1 or p <= 0:
            dropped["quantity or price not positive"] += 1
            continue
        code = stock[i].strip()
        products.setdefault(code, (description[i] or "").strip())
        o = orders.get(invoice[i])
        if o is None:
            o = orders[invoice[i]] = ["%d" % c, date[i], []]
        o[2].append((code, int(q), money(p)))

    out = sys.argv[2]
    os.makedirs(out, exist_ok=True)
    first = {}
    for number, (c, t, lines) in orders.items():
        if c not in first or t < first[c]:
            first[c] = t

    def iso(seconds):
        return datetime.fromtimestamp(seconds, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    with open(os.path.join(out, "customers.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["customer_id", "created_at"])
        for c in sorted(first):
            w.writerow([c, iso(first[c])])
    lines_written = 0
    with open(os.path.join(out, "orders.csv"), "w", newline="", encoding="utf-8") as f, \
            open(os.path.join(out, "order_items.csv"), "w", newline="", encoding="utf-8") as g:
        w = csv.writer(f)
        v = csv.writer(g)
        w.writerow(["order_id", "customer_id", "created_at", "status", "total"])
        v.writerow(["order_id", "product_id", "quantity", "unit_price"])
        for number, (c, t, lines) in orders.items():
            total = sum(Decimal(p) * q for _, q, p in lines).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            w.writerow([number, c, iso(t), "completed", format(total, "f")])
            for code, q, p in lines:
                v.writerow([number, code, q, p])
                lines_written += 1
    with open(os.path.join(out, "products.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["product_id", "name"])
        for code, name in products.items():
            w.writerow([code, name])
    print("kept %d orders, %d order lines, %d customers, %d products; left out %s"
          % (len(orders), lines_written, len(first), len(products), dropped))


if __name__ == "__main__":
    main()
