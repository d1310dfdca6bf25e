#!/usr/bin/env python3
"""Writes a Kembar dataset with N activities (default 10,000) spread over 100 partnerships of Surabaya, for the
page-time measurement in run.sh. Deterministic: the same N gives the same file."""
import json
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
random.seed(7)
cities = [{"id": f"city-{i:03d}", "name": {"en": f"City {i}"}, "country": "GB", "adminLevel": "city"} for i in range(100)]
partnerships = [{"id": f"surabaya-city-{i:03d}", "kind": "sister-city", "city": "surabaya", "partnerCity": f"city-{i:03d}",
                 "stage": "implementation", "sources": ["handayani-zahidi-2024"]} for i in range(100)]
agreements = [{"id": f"mou-{i:03d}", "partnership": f"surabaya-city-{i:03d}", "kind": "mou", "title": {"en": "MoU"},
               "signed": f"{2010 + i % 10}-0{1 + i % 9}-15", "termYears": 5 + i % 3, "fields": ["hr-development", "smart-city"],
               "sources": ["handayani-zahidi-2024"]} for i in range(100)]
modes = ["inbound", "outbound", "online", "hybrid"]
tags = ["people", "economy", "living", "mobility", "government", "environment"]
activities = []
for k in range(n):
    p = k % 100
    year = 2012 + k % 12
    activities.append({
        "id": f"act-{k:05d}", "partnership": f"surabaya-city-{p:03d}", "kind": "training",
        "title": {"en": f"Training {k}", "id": f"Pelatihan {k}"}, "start": f"{year}-{1 + k % 12:02d}-{1 + k % 28:02d}",
        "mode": modes[k % 4], "status": "completed", "infrastructure": "soft" if k % 3 else "hard",
        "participants": [{"role": "teacher", "count": random.randint(1, 60)}],
        "fields": ["hr-development"], "tags": [{"framework": "cohen-smart-city-wheel", "node": tags[k % 6]}],
        "sources": ["handayani-zahidi-2024"]})
json.dump({"format": "kembar-dataset", "version": 1, "cities": cities, "partnerships": partnerships,
           "agreements": agreements, "activities": activities}, sys.stdout)
