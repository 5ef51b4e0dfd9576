#!/usr/bin/env python3
"""The look-ups of band-keys-grouped.py again, on both test indices force-merged to 8 segments, so
that random and grouped keys are compared at the same number of segments.

    python3 src/docs/bench/band-keys-merged.py http://127.0.0.1:PORT 1000000
"""
import json,sys,random,time,urllib.request
ES=sys.argv[1]; N=int(sys.argv[2])
B36='0123456789abcdefghijklmnopqrstuvwxyz'
rnd=random.Random(7); G=N//5
def b36(x,w=None):
    s=''
    while True:
        x,r=divmod(x,36); s=B36[r]+s
        if x==0: break
    return s.rjust(w,'0') if w else s
def keys(V,group):
    if V=='random': return [b36(rnd.getrandbits(63)) for _ in range(20)]
    p=b36(hash((group,7)) & 0xFFFFFFFFFF,8)
    return [p+b36(b,1)+b36(rnd.getrandbits(31),6) for b in range(20)]
def req(m,path,body=None):
    r=urllib.request.Request(ES+path,data=body,method=m,headers={'Content-Type':'application/json'})
    return json.load(urllib.request.urlopen(r))
for V in ('random','grouped'):
    IDX='kx-'+V
    req('POST','/%s/_forcemerge?max_num_segments=8'%IDX)
    segs=len(req('GET','/'+IDX+'/_segments')['indices'][IDX]['shards']['0'][0]['segments'])
    ts=[]
    for _ in range(8):
        ks=[]
        for _ in range(500):
            g=rnd.randrange(G); ks+=keys(V,g)+keys(V,g+1)
        q={'size':0,'query':{'bool':{'filter':[{'terms':{'bands':ks}}]}}}
        t=time.time(); req('POST','/'+IDX+'/_search?request_cache=false',json.dumps(q).encode()); ts.append(round((time.time()-t)*1000))
    print(V,segs,'segments after force-merge to 8: look-ups ms',ts,flush=True)
