//! The speech verbs the quote finder takes as cues: the common verbs of saying and their
//! inflections, Levin's (1993) verbs of manner of speaking (37.3) and of saying (37.7), and the
//! verbs news copy uses to report or characterize what someone said ("blasted", "tweeted"),
//! some with the colon or comma a cue is written with ("added:", "wrote,").

/// How a speech verb takes its subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeechVerb {
    /// said, told: takes its subject before it, or after it when inverted
    Finite,
    /// saying, adding: takes the subject of its clause
    Participle,
}

/// The speech verb `l` (lowercased) is, if any.
#[rustfmt::skip]
pub fn speech_verb(l: &str) -> Option<SpeechVerb> {
match l {
    "said" | "says" | "say" | "told" | "tells" | "wrote" | "writes" | "added" | "adds" | "asked"
    | "asks" | "tweeted" | "tweets" | "stated" | "declared" | "declares" | "explained" | "explains"
    | "noted" | "notes" | "continued" | "continues" | "replied" | "replies" | "responded"
    | "responds" | "answered" | "answers" | "recalled" | "recalls" | "claimed" | "claims"
    | "insisted" | "insists" | "argued" | "argues" | "warned" | "warns" | "concluded" | "concludes"
    | "admitted" | "admits" | "acknowledged" | "acknowledges" | "predicted" | "predicts"
    | "announced" | "announces" | "remarked" | "joked" | "jokes" | "quipped" | "quips" | "exclaimed"
    | "shouted" | "shouts" | "chanted" | "yelled" | "screamed" | "complained" | "complains"
    | "observed" | "observes" | "mused" | "muses" | "wondered" | "wonders" | "reported" | "reports"
    | "read" | "reads" | "posted" | "posts" | "emailed" | "texted" | "testified" | "boasted"
    | "boasts" | "bragged" | "vowed" | "vows" | "promised" | "pledged" | "urged" | "urges"
    | "demanded" | "cautioned" | "countered" | "counters" | "retorted" | "echoed" | "stressed"
    | "stresses" | "emphasized" | "emphasised" | "maintained" | "maintains" | "contended"
    | "conceded" | "concedes" | "agreed" | "agrees" | "lamented" | "laments" | "sighed" | "whispered" | "cried"
    | "thundered" | "charged" | "alleged" | "asserted" | "asserts" | "proclaimed" | "proclaims"
    | "informed" | "assured" | "reminded" | "pleaded" | "fumed" | "scoffed" | "snapped" | "groused"
    | "griped" | "elaborated" | "summed" | "tweet" | "explain" | "added:" | "interjected" | "opined"
    | "suggested" | "suggests" | "predict" | "wrote:" | "recounted" | "described" | "describes"
    | "blasted" | "slammed" | "mocked" | "railed" | "quoted" | "shared" | "pointed" | "went" | "put"
    | "puts" | "sang" | "chanted:" | "hollered" | "barked" | "raged" | "cracked" | "teased"
    | "ranted" | "bellowed" | "stated:" | "shot" | "fired" | "hit" | "pushed" | "shout" | "yell"
    | "scream" | "chant" | "ask" | "add" | "write" | "tell" | "called" | "conclude" | "argue"
    | "note" | "warn" | "insist" | "claim" | "continue" | "respond" | "reply" | "declare" | "suggest"
    | "admit" | "acknowledge" | "recall" | "observe" | "explains:" | "wrote," | "insist," | "calls"
    | "dubbed" | "labeled" | "labelled" | "branded" | "deemed" | "referred" | "thinks" | "believes"
    | "accused" | "blamed" | "praised" | "criticized" | "hailed" | "touted" | "denounced"
    | "condemned" | "decried" | "dismissed" | "cited" | "commented" | "comments" | "mentioned"
    | "remembered" | "gushed" | "contends" | "contend" | "raved" | "recounts" | "retorts" | "notes:"
    | "fretted" | "frets" | "lashed" | "tweeted:" | "posted:" | "acknowledged:" | "marveled"
    | "mourned" | "demands" | "pleads" | "reiterated" | "reiterates" | "advised" | "advises"
    | "affirmed" | "confirmed" | "confirms" | "disclosed" | "revealed" | "reveals" | "vented"
    | "sniped" | "quips:" | "intoned" | "professed" | "swore" | "pressed" | "interrupted" | "chided"
    | "scolded" | "gloated" | "sneered" | "chimed" | "persisted" | "accuses" | "portrayed"
    | "portrays" | "assures" | "pronounced" | "retaliated" | "points" | "states"
    // Levin's (1993) verbs of manner of speaking (37.3) and of saying (37.7) not above, but
    // those that as often take a plain object or modify a noun ("expressed concern",
    // "repeated calls", "related issues")
    | "boomed" | "growled" | "grumbled" | "muttered" | "murmured" | "mumbled" | "roared"
    | "shrieked" | "snarled" | "stammered" | "wailed" | "whined" | "groaned" | "drawled"
    | "hissed" | "howled" | "moaned" | "croaked" | "blurted" | "confided" | "confessed"
    | "recommended" | "recommends" | "crowed" | "cooed" | "hollers" | "mutters" | "grumbles" => {
        Some(SpeechVerb::Finite)
    }
    "saying" | "telling" | "writing" | "adding" | "asking" | "tweeting" | "stating" | "declaring"
    | "explaining" | "noting" | "arguing" | "warning" | "insisting" | "claiming" | "chanting"
    | "shouting" | "urging" | "suggesting" | "concluding" | "continuing" | "replying" | "responding"
    | "answering" | "recalling" | "acknowledging" | "admitting" | "predicting" | "promising"
    | "vowing" | "posting" | "complaining" | "joking" | "quipping" | "boasting" | "observing"
    | "lamenting" | "describing" | "stressing" | "emphasizing" | "reminding" | "declaring:"
    | "proclaiming" | "yelling" | "musing" | "wondering" | "pleading" | "charging" | "asserting"
    | "calling" | "citing" | "accusing" | "praising" | "blaming" | "criticizing" | "referring"
    | "labeling" | "branding" | "dubbing" | "denouncing" | "commenting" | "conceding" | "recounting"
    | "reiterating" | "remembering" | "gushing"
    // (more participles of the speech verbs above)
    | "interjecting" | "retorting" | "countering" | "interrupting" | "exclaiming" | "announcing"
    | "cautioning" | "remarking" | "whispering" | "confiding" | "confessing" | "testifying"
    | "bragging" | "scoffing" | "muttering" | "grumbling" | "opining" | "elaborating"
    | "contending" | "pledging" => Some(SpeechVerb::Participle),
    _ => None,
}
}
