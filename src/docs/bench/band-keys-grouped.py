#!/usr/bin/env python3
"""Band-key look-ups: random keys (as the product keeps them) against keys that start with a prefix
of their (country, title, period) group, in a test index of N documents of 20 keys each (five
documents a group on average); each look-up is 20,000 keys of 500 vacancies (two groups, 20 bands
each) against existing groups, as most of a load's keys are.

    python3 src/docs/bench/band-keys-grouped.py http://127.0.0.1:PORT 1000000 random|grouped
    python3 src/docs/bench/band-keys-grouped.py http://127.0.0.1:PORT 1000000 merged

The first form writes the test index of one kind of keys and prints the indexing time, segments
and size, and eight look-up times (ms) with their hits; `merged` force-merges both test indices
(written before) to 8 segments and times eight look-ups of each, so that the two kinds are
compared at the same number of segments."""
import json,sys,random,time,urllib.request
ES=sys.argv[1]; N=int(sys.argv[2]); MODE=sys.argv[3]
G=N//5  # groups (country, title, period): five originals a group on average
rnd=random.Random(7 if MODE=='merged' else 42)
B36='0123456789abcdefghijklmnopqrstuvwxyz'
def b36(x,w=None):
    s=''
    while True:
        x,r=divmod(x,36); s=B36[r]+s
        if x==0: break
    return s.rjust(w,'0') if w else s
def keys(kind,group):
    if kind=='random':
        return [b36(rnd.getrandbits(63)) for _ in range(20)]
    p=b36(hash((group,7)) & 0xFFFFFFFFFF,8)
    return [p+b36(b,1)+b36(rnd.getrandbits(31),6) for b in range(20)]
def req(method,path,body=None,ct='application/json'):
    r=urllib.request.Request(ES+path,data=body,method=method,headers={'Content-Type':ct})
    return json.load(urllib.request.urlopen(r))
def segments(idx):
    return req('GET','/'+idx+'/_segments')['indices'][idx]['shards']['0'][0]['segments']
def lookup(kind):
    ks=[]
    for _ in range(500):
        g=rnd.randrange(G)
        ks+=keys(kind,g)+keys(kind,g+1)
    q={'size':0,'track_total_hits':True,'query':{'bool':{'filter':[{'terms':{'bands':ks}}]}}}
    t=time.time(); r=req('POST','/kx-'+kind+'/_search?request_cache=false',json.dumps(q).encode())
    return round((time.time()-t)*1000), r['hits']['total']['value']
def write(kind):
    idx='kx-'+kind
    try: req('DELETE','/'+idx)
    except Exception: pass
    req('PUT','/'+idx,json.dumps({'settings':{'number_of_shards':1,'number_of_replicas':0},
      'mappings':{'properties':{'bands':{'type':'keyword','doc_values':False}}}}).encode())
    t=time.time(); BULK=5000
    for start in range(0,N,BULK):
        lines=[]
        for i in range(start,min(N,start+BULK)):
            lines.append('{"index":{}}'); lines.append(json.dumps({'bands':keys(kind,rnd.randrange(G))}))
        r=req('POST','/'+idx+'/_bulk',('\n'.join(lines)+'\n').encode(),'application/x-ndjson')
        assert not r['errors']
    req('POST','/'+idx+'/_refresh')
    took=time.time()-t
    size=req('GET','/'+idx+'/_stats/store')['indices'][idx]['primaries']['store']['size_in_bytes']
    print(kind,N,'indexed in %.1f s'%took,len(segments(idx)),'segments',size//1_000_000,'MB',flush=True)
    print(kind,'look-ups of 20,000 keys (ms, hits):',['%d/%d'%lookup(kind) for _ in range(8)],flush=True)
if MODE=='merged':
    for kind in ('random','grouped'):
        req('POST','/kx-%s/_forcemerge?max_num_segments=8'%kind)
        ms=[lookup(kind)[0] for _ in range(8)]
        print(kind,len(segments('kx-'+kind)),'segments after force-merge to 8: look-ups ms',ms,flush=True)
else:
    write(MODE)
