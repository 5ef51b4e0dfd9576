#!/usr/bin/env python3
"""First-time-asked latency of emerging, gaps and match over REST, on the slices `bench` asks.

    python3 src/docs/bench/chain-slices-latency.py http://127.0.0.1:18081 out.json [KINDS]

The slices are those of `ChainBench.slices` (the busiest NACE sections, each alone and with its
busiest countries, 40 in all), found through the server's own demand answers. Each slice is
asked once for emerging (limit 20), then gaps, then match, one request at a time; a fresh server
has none of them in its answer cache. Prints and writes p50, p95, p99 and max in milliseconds
(and writes each slice's time).
KINDS, comma-separated, chooses what is asked (default emerging,gaps,match); `demand` asks the
skills in demand (limit 20, as `bench` does): run it on a fresh server of its own, since gaps and
match count a slice's demand too.
"""
import json,sys,urllib.request,time
B=sys.argv[1]; N=40
def get(path):
    t=time.time(); d=json.load(urllib.request.urlopen(B+path)); return d,(time.time()-t)*1000
d,_=get('/api/analytics/demand?groupBy=sector&limit=1')
slices=[]
for g in d['groups']:
    slices.append('sector='+g['group'])
    if len(slices)>=N: break
    dc,_=get('/api/analytics/demand?groupBy=country&limit=1&sector='+g['group'])
    done=False
    for c in dc['groups']:
        if len(slices)>=N: done=True; break
        slices.append('sector='+g['group']+'&country='+c['group'])
        if len(slices)%3==0: break
    if done or len(slices)>=N: break
print(len(slices),'slices',slices[:6],flush=True)
def pct(ms,p):
    s=sorted(ms); import math; return s[max(0,min(len(s)-1,math.ceil(p*len(s))-1))]
out={}
QUERIES={'demand':'demand?limit=20&','emerging':'emerging?limit=20&','gaps':'gaps?','match':'match?'}
KINDS=(sys.argv[3] if len(sys.argv)>3 else 'emerging,gaps,match').split(',')
for kind in KINDS:
    q=QUERIES[kind]
    ms=[]
    for s in slices:
        _,t=get('/api/analytics/'+q+s); ms.append(t)
    out[kind]={'p50':round(pct(ms,.5)),'p95':round(pct(ms,.95)),'p99':round(pct(ms,.99)),'max':round(max(ms)),
               'each':{s:round(t) for s,t in zip(slices,ms)}}
    print(kind,{k:v for k,v in out[kind].items() if k!='each'},flush=True)
json.dump(out,open(sys.argv[2],'w'))
