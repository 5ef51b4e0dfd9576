#!/usr/bin/env python3
"""Band-key look-ups: random keys (as the product keeps them) against keys that start with a prefix
of their (country, title, period) group, in a test index of N documents of 20 keys each (five
documents a group on average); each look-up is 20,000 keys of 500 vacancies (two groups, 20 bands
each) against existing groups, as most of a load's keys are.

    python3 src/docs/bench/band-keys-grouped.py http://127.0.0.1:PORT 1000000 random|grouped

Prints the indexing time, segments and size, and eight look-up times (ms) with their hits."""
import json,sys,random,time,urllib.request
ES=sys.argv[1]; N=int(sys.argv[2]); V=sys.argv[3]; IDX='kx-'+V
G=N//5  # groups (country, title, period): five originals a group on average
rnd=random.Random(42)
B36='0123456789abcdefghijklmnopqrstuvwxyz'
def b36(x,w=None):
    s=''
    while True:
        x,r=divmod(x,36); s=B36[r]+s
        if x==0: break
    return s.rjust(w,'0') if w else s
def keys(group, bands):
    if V=='random':
        return [b36(rnd.getrandbits(63)) for _ in bands]
    p=b36(hash((group,7)) & 0xFFFFFFFFFF,8)
    return [p+b36(b,1)+b36(rnd.getrandbits(31),6) for b in bands]
def req(method,path,body=None,ct='application/json'):
    r=urllib.request.Request(ES+path,data=body,method=method,headers={'Content-Type':ct})
    return json.load(urllib.request.urlopen(r))
try: req('DELETE','/'+IDX)
except Exception: pass
req('PUT','/'+IDX,json.dumps({'settings':{'number_of_shards':1,'number_of_replicas':0},
  'mappings':{'properties':{'bands':{'type':'keyword','doc_values':False}}}}).encode())
t=time.time(); BULK=5000
for start in range(0,N,BULK):
    lines=[]
    for i in range(start,min(N,start+BULK)):
        lines.append('{"index":{}}'); lines.append(json.dumps({'bands':keys(rnd.randrange(G),range(20))}))
    r=req('POST','/'+IDX+'/_bulk',('\n'.join(lines)+'\n').encode(),'application/x-ndjson')
    assert not r['errors']
req('POST','/'+IDX+'/_refresh')
took=time.time()-t
segs=req('GET','/'+IDX+'/_segments')['indices'][IDX]['shards']['0'][0]['segments']
size=req('GET','/'+IDX+'/_stats/store')['indices'][IDX]['primaries']['store']['size_in_bytes']
print(V,N,'indexed in %.1f s'%took,len(segs),'segments',size//1_000_000,'MB',flush=True)
def lookup():
    ks=[]
    for _ in range(500):
        g=rnd.randrange(G)
        ks+=keys(g,range(20))+keys(g+1,range(20))
    q={'size':0,'track_total_hits':True,'query':{'bool':{'filter':[{'terms':{'bands':ks}}]}}}
    t=time.time(); r=req('POST','/'+IDX+'/_search?request_cache=false',json.dumps(q).encode())
    return (time.time()-t)*1000, r['hits']['total']['value']
print(V,'look-ups of 20,000 keys (ms, hits):',[ '%.0f/%d'%lookup() for _ in range(8)],flush=True)
