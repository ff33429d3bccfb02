#!/usr/bin/env python3
"""Times the KM figures (issue 12) against a running Tacit: the API's /metrics for a year, a figure's
breakdown by space, the dashboard page and the CSV export, each N times, and prints the median and the
slowest in milliseconds. Use it on the organization bench/run imports (100,000 items):

    bench/measurement/endpoints.py --url http://127.0.0.1:18090 --org bench --token "$TOKEN" [--runs 20]

The dashboard page needs a signed-in session: give --email and --password of a member, or it is skipped.
Standard library only.
"""
import argparse
import datetime
import http.cookiejar
import re
import statistics
import time
import urllib.parse
import urllib.request


def timed(opener, url, headers, runs):
    times = []
    for _ in range(runs):
        request = urllib.request.Request(url, headers=headers)
        start = time.perf_counter()
        with opener.open(request) as response:
            response.read()
            if response.status != 200:
                raise SystemExit(f"{url}: {response.status}")
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:18090")
    parser.add_argument("--org", default="bench")
    parser.add_argument("--token", required=True)
    parser.add_argument("--email")
    parser.add_argument("--password")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    to = datetime.date.today()
    frm = to - datetime.timedelta(days=364)
    period = f"from={frm}&to={to}"
    api = f"{args.url}/api/v1/orgs/{args.org}"
    bearer = {"Authorization": f"Bearer {args.token}"}
    opener = urllib.request.build_opener()
    rows = [
        ("GET /metrics (a year and the year before)", f"{api}/metrics?{period}"),
        ("GET /metrics/contributions?by=space", f"{api}/metrics/contributions?{period}&by=space"),
        ("GET /improvement-list", f"{api}/improvement-list?{period}"),
        ("GET /metrics/export.csv", f"{api}/metrics/export.csv?{period}"),
    ]
    for name, url in rows:
        timed(opener, url, bearer, 2)  # warm up
        median, worst = timed(opener, url, bearer, args.runs)
        print(f"{name:48s} median {median:8.1f} ms   slowest {worst:8.1f} ms")
    if args.email and args.password:
        jar = http.cookiejar.CookieJar()
        browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        login = browser.open(f"{args.url}/login").read().decode()
        csrf = (re.search(r'name="_csrf"[^>]*value="([^"]+)"', login)
                or re.search(r'value="([^"]+)"[^>]*name="_csrf"', login)).group(1)
        data = urllib.parse.urlencode({"email": args.email, "password": args.password, "_csrf": csrf}).encode()
        browser.open(urllib.request.Request(f"{args.url}/login", data=data))
        if "/login" in browser.open(f"{args.url}/").geturl():
            raise SystemExit("signing in failed")
        page = f"{args.url}/o/{args.org}/measurement?{period}"
        timed(browser, page, {}, 2)
        median, worst = timed(browser, page, {}, args.runs)
        print(f"{'GET /o/{org}/measurement (the dashboard page)':48s} median {median:8.1f} ms   slowest {worst:8.1f} ms")


if __name__ == "__main__":
    main()
