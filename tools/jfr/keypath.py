import json, collections, sys
d=json.load(open(sys.argv[1]))
ev=d['recording']['events']
def frames(e):
    st=e['values']['stackTrace']
    if not st: return []
    return [f['method']['type']['name'].replace('/','.')+'.'+f['method']['name'] for f in st['frames']]
cats=collections.Counter(); inside=collections.Counter(); total_a=0; total_b=0; bcats=collections.Counter(); tops=collections.Counter()
for e in ev:
    fr=frames(e)
    s=' '.join(fr)
    if 'com.keyward.apikey.ApiKeyAuthenticationFilter.doFilterInternal' in s:
        total_a+=1
        if 'com.keyward.api.AccountApi.me' in s:
            cats['the work itself: AccountApi.me and below (3 queries)']+=1
        elif 'com.keyward.apikey.ApiKeyAuthenticator.authenticate' in s:
            cats['key check: ApiKeyAuthenticator.authenticate and below']+=1
            for f in fr:
                if f.startswith('com.keyward') or 'MessageDigest' in f or 'caffeine' in f.lower() or 'LongAdder' in f or 'ConcurrentHashMap' in f or 'CRC32' in f:
                    inside[f]+=1; break
        elif 'ApiKeyAuthenticationFilter.count' in s:
            cats['outcome counter (Micrometer)']+=1
        else:
            cats['after the key check, outside the work (authorization, MVC, Jackson, writing)']+=1
            tops[next((f for f in fr if not f.startswith('java.') and not f.startswith('jdk.')), fr[0])]+=1
    elif 'com.keyward.benchmark' in s and 'BCrypt' not in s and 'BasicAuthenticationFilter' not in s:
        total_b+=1
        if 'com.keyward.user.UserService.myAccount' in s:
            bcats['the work itself: UserService.myAccount and below']+=1
        else:
            bcats['rest of the (b) request (security chain, MVC, Jackson, writing)']+=1
print('samples in all', len(ev))
print('(a)/(a0) requests: samples below the key filter', total_a)
for k,v in cats.most_common(): print(f'  {v:6d} {100*v/total_a:5.1f}%  {k}')
print('  inside the key check, the first notable frame:')
for k,v in inside.most_common(10): print(f'    {v:6d} {k}')
print('  after the key check, the first non-JDK frame:')
for k,v in tops.most_common(8): print(f'    {v:6d} {k}')
print('(b) requests: samples under the benchmark controller', total_b)
for k,v in bcats.most_common(): print(f'  {v:6d} {100*v/max(total_b,1):5.1f}%  {k}')
