//! First names and their usual gender, for pronoun agreement: "he" never stands for Maria
//! Lopez, "she" never for Tom Harlan. A small list of common English and Spanish given
//! names (names used for both, "Dana", "Jamie", "Lee", are left out, so they fit either
//! pronoun), plus the gendered words of titles and roles ("Mrs.", "spokeswoman",
//! "congressman"). Data and one lookup; who the pronoun stands for is decided by
//! `rules/pronoun.rs`.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The gender a name or role word says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gender {
    Male,
    Female,
}

/// Given names mostly of men.
const MALE_NAMES: &str =
    "aaron abdul abe abraham adam adrian ahmed al alan albert alberto alec alejandro alex \
    alexander alfred alfredo ali allen alvin amir andre andrew andy angelo anthony antonio \
    armando arnold arthur austin barack barney barry ben benjamin bennie bernard bernie \
    bert bill billy bob bobby boris brad bradley brandon brent brett brian bruce bryan \
    buddy byron calvin cameron carl carlos cecil cedric chad charles charlie chase chester \
    chris christian christopher chuck clarence clark claude clay clayton cliff clifford \
    clint cody colin conrad corey cory craig curt curtis dale dan daniel danny \
    darius darnell darrell darren dave david dean dennis derek derrick devin dick diego \
    dmitri don donald donnie doug douglas duane dustin dwight earl ed eddie edgar eduardo \
    edward edwin eli elijah elliot elmer emanuel emilio emmanuel enrique eric erik ernest \
    ernesto ethan eugene evan fernando francis francisco frank frankie franklin fred \
    freddie frederick gabriel gary gavin gene geoffrey george gerald gerard gilbert glen \
    glenn gordon graham greg gregg gregory gus guy hank harold harry harvey hector \
    henry herbert herman howard hugh hugo ian isaac ivan jack jackson jacob jaime jake \
    jamal james jared jason javier jay jeb jeff jeffrey jeremiah jeremy jerome \
    jerry jesse jesus jim jimmy joaquin joe joel joey john johnny jon jonah jonathan \
    jordan jorge jose joseph josh joshua juan julian julio justin karl keith ken kenneth \
    kenny kevin kirk kurt kyle lamar lance larry lawrence leo leon leonard leroy lewis \
    lloyd logan lonnie louis lucas luis luke lyndon malcolm manuel marc marcus mario mark \
    martin marty marvin mathew matt matthew maurice max melvin michael miguel \
    mike miles milton mitch mitchell mitt mohammed muhammad nathan nathaniel neil \
    nicholas nick nicolas noah norman oliver omar orrin oscar otis owen pablo patrick paul \
    pedro pete peter phil philip phillip preston rafael ralph ramon rand randall randy \
    raul ray raymond reggie reginald reince rex ricardo richard rick ricky rob robert \
    roberto rod rodney roger roland ron ronald ronnie ross roy ruben rudolph rudy russ \
    russell ryan salvador sam samuel santiago scott sean sergio seth shane shawn sheldon \
    sherrod sidney simon spencer stan stanley stephen steve steven stuart ted terrence \
    terry thad theodore thomas tim timothy todd tom tommy tony travis trent trey troy \
    tyler vernon victor vince vincent wade walter warren wayne wesley will willard william \
    willie xavier zach zachary";

/// Given names mostly of women.
const FEMALE_NAMES: &str =
    "abby abigail ada adriana agnes aisha alexandra alexis alice alicia alison allison alma \
    alyssa amanda amber amy ana andrea angela angelica angie anita ann anna anne annette \
    annie april ariana arlene ashley audrey ayanna barbara beatrice becky belinda betsy \
    betty beverly bonnie brenda brianna bridget brittany brooke caitlin camille candace \
    cara carla carly carmen carol caroline carolyn carrie cassandra catherine cathy cecile \
    cecilia charlene charlotte chelsea cheryl chloe christina christine cindy claire clara \
    claudia colleen connie constance courtney crystal cynthia daisy danielle darlene dawn \
    debbie deborah debra deirdre delia denise diana diane dianne dolores donna dora doris \
    dorothy edith eileen elaine eleanor elena elisabeth elizabeth ella ellen elsa emily \
    emma erica erin esther ethel eva evelyn faith felicia florence frances gabriela \
    gabrielle gail gina gladys gloria grace gretchen gwen hannah harriet heather heidi \
    helen hillary holly hope ida irene iris isabel ivanka jackie jacqueline jane janet \
    janice jasmine jean jeanne jeannie jenna jennifer jenny jessica jill joan joann joanna \
    joanne jocelyn jodi josephine joy joyce juanita judith judy julia julie june karen \
    kate katherine kathleen kathryn kathy katie katrina kay kayla keisha kellyanne \
    kimberly kirsten kirstjen kristen kristi kristin kristina laura lauren laurie leah \
    lena letitia lillian linda lisa liz lois loretta lori lorraine louise lucia lucy lydia \
    madeline maggie mallory marcia margaret maria marian marie marilyn marion marjorie \
    marla marsha martha mary maureen maxine megan meghan megyn melania melanie melinda \
    melissa mercedes michele michelle mildred mindy miriam molly monica nancy naomi \
    natalie natasha nicole nikki nina nora norma olivia paige pam pamela patricia patty \
    paula pauline peggy penny phyllis priscilla rachel ramona rebecca regina renee rhonda \
    rita roberta rosa rosalind rose rosemary roxanne ruby ruth sabrina sally samantha \
    sandra sara sarah selena serena shannon sharon sheila shelby shelley sherry shirley \
    sonia sophia stacey stacy stella stephanie sue susan suzanne sylvia tamara tammy tanya \
    tara teresa theresa tiffany tina toni trish tulsi valerie vanessa vera veronica vicki \
    victoria virginia vivian wanda wendy whitney yolanda yvonne zoe";

/// Titles that say the gender.
const MALE_TITLES: &[&str] = &["mr", "mister", "sir", "father", "brother", "king", "prince"];
const FEMALE_TITLES: &[&str] = &[
    "mrs", "ms", "miss", "madam", "sister", "lady", "queen", "princess", "dame",
];

fn names() -> &'static HashMap<&'static str, Gender> {
    static NAMES: OnceLock<HashMap<&'static str, Gender>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let male = MALE_NAMES
            .split_ascii_whitespace()
            .map(|w| (w, Gender::Male));
        let female = FEMALE_NAMES
            .split_ascii_whitespace()
            .map(|w| (w, Gender::Female));
        male.chain(female).collect()
    })
}

/// The gender of a speaker's name as written or canonical ("Maria Lopez", "Mrs. Clinton",
/// "city spokeswoman"): its first word when that is a given name or a gendered title,
/// else a role word ending in "-woman" / "-man"; `None` when nothing says.
pub(super) fn gender_of(name: &str) -> Option<Gender> {
    let mut words = name.split_whitespace();
    let mut buf = [0u8; 24];
    let first = lower(words.next()?.trim_end_matches('.'), &mut buf)?;
    // a bare surname says nothing ("Clinton", "Jackson")
    let more = words.next().is_some();
    if let Some(g) = names().get(first).filter(|_| more) {
        return Some(*g);
    }
    if MALE_TITLES.contains(&first) {
        return Some(Gender::Male);
    }
    if FEMALE_TITLES.contains(&first) {
        return Some(Gender::Female);
    }
    let last = name.split_whitespace().last()?.as_bytes();
    let ends = |suffix: &str| {
        last.len() >= suffix.len()
            && last[last.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
    };
    if ends("woman") || ends("women") {
        return Some(Gender::Female);
    }
    if (ends("man") || ends("men")) && !ends("human") {
        return Some(Gender::Male);
    }
    None
}

/// `w` lowercased into `buf` without allocating; `None` for words that are not ASCII or
/// longer than the buffer (no list word is).
fn lower<'b>(w: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    if !w.is_ascii() || w.len() > buf.len() {
        return None;
    }
    let out = &mut buf[..w.len()];
    out.copy_from_slice(w.as_bytes());
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_titles_and_roles_say_the_gender() {
        assert_eq!(gender_of("Maria Lopez"), Some(Gender::Female));
        assert_eq!(gender_of("Tom Harlan"), Some(Gender::Male));
        assert_eq!(gender_of("Mrs. Clinton"), Some(Gender::Female));
        assert_eq!(gender_of("city spokeswoman"), Some(Gender::Female));
        assert_eq!(gender_of("Congressman"), Some(Gender::Male));
        assert_eq!(gender_of("Dana Whitfield"), None);
        assert_eq!(gender_of("Harlan"), None);
        assert_eq!(gender_of("Bill"), None);
        assert_eq!(gender_of(""), None);
        // no name is in both lists
        for w in MALE_NAMES.split_ascii_whitespace() {
            assert!(
                !FEMALE_NAMES.split_ascii_whitespace().any(|f| f == w),
                "{w}"
            );
        }
    }
}
